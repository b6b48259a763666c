/*
 * io_uring stores its task-work functions (15 in Linux 6.12) into
 * io_task_work.func from io_uring/ alone. More than max_field_targets (8),
 * but all in one directory: calls from that directory follow the field
 * (max_local_field_targets), calls from elsewhere do not (net/peek.c).
 */
#include <linux/file.h>

#include "../tw.h"

static void tw_complete(struct tw_req *req) { }
static void tw_cancel(struct tw_req *req) { }
static void tw_fail_links(struct tw_req *req) { }
static void tw_timeout(struct tw_req *req) { }
static void tw_msg(struct tw_req *req) { }
static void tw_notif(struct tw_req *req) { }
static void tw_waitid(struct tw_req *req) { }
static void tw_cmd(struct tw_req *req) { }

static void tw_submit(struct tw_req *req)
{
	__fput_sync(req->file);	/* note: {{tw_submit\(\) calls __fput_sync\(\)}} */
}

static void tw_poll_reissue(struct tw_req *req)
{
	tw_submit(req);
}

void tw_poll_func(struct tw_req *req)
{
	tw_poll_reissue(req);
}

void tw_rw_complete(struct tw_req *req) { }

void tw_queue(struct tw_req *req, tw_func_t func)
{
	req->work.func = func;
}

void tw_queue_all(struct tw_req *req)
{
	req->work.func = tw_complete;
	req->work.func = tw_cancel;
	req->work.func = tw_fail_links;
	req->work.func = tw_timeout;
	req->work.func = tw_msg;
	req->work.func = tw_notif;
	req->work.func = tw_waitid;
	req->work.func = tw_cmd;
	req->work.func = tw_submit;
	req->work.func = tw_poll_func;
	req->work.func = tw_rw_complete;
}
