/*
 * The same field called from another directory: a guess among more than
 * max_field_targets functions, not followed.
 */
#include "../tw.h"

void net_peek(struct tw_req *req)
{
	mutex_lock(req->lock);
	req->work.func(req);
	mutex_unlock(req->lock);
}
