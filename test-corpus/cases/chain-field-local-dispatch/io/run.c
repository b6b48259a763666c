/*
 * io_handle_tw_list() shape: INDIRECT_CALL_2() calls the two builtins by
 * name and any other function through the field. Two of the three calls
 * at that line reach the sync call (tw_poll_func by a longer way); they
 * are one claim about one line, reported once, with the shorter witness.
 */
#include <linux/indirect_call_wrapper.h>

#include "../tw.h"

void tw_run(struct tw_req *req)
{
	mutex_lock(req->lock);	/* note: {{mutex 'req->lock' acquired here by mutex_lock\(\)}} */
	INDIRECT_CALL_2(req->work.func, tw_poll_func, tw_rw_complete, req);	/* expect: fput-sync-locked {{mutex 'req->lock' held \(tw_submit -> __fput_sync\)}} note: {{tw_run\(\) calls tw_submit\(\)}} */
	mutex_unlock(req->lock);
}
