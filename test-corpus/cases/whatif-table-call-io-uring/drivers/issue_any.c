/*
 * Through io_issue_def.issue, but of an unknown object and from outside
 * the directory the field's stores are made in: a guess among more than
 * max_field_targets functions, not followed.
 */
#include <linux/mutex.h>

#include "../demo_io_uring.h"

int demo_issue_any(struct demo_kiocb *req, const struct demo_issue_def *def)
{
	int ret;

	mutex_lock(&req->ctx->uring_lock);
	ret = def->issue(req, 0);
	mutex_unlock(&req->ctx->uring_lock);
	return ret;
}
