/*
 * complete() is reached through a later helper: finish_req() signals the
 * waiter after the sync call has already run in the caller.
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

struct loop_cmd_req {
	struct file *backing;
	int result;
	struct completion comp;
};

static void finish_req(struct loop_cmd_req *req, int result)
{
	req->result = result;
	complete(&req->comp);
}

void loop_cmd_req_abort(struct loop_cmd_req *req)
{
	__fput_sync(req->backing);	/* expect: fput-sync-before-complete {{runs before finish_req\(\) at line 25;}} */
	req->backing = NULL;
	finish_req(req, -EIO);	/* note: {{completion signalled here: finish_req\(\) -> complete\(\)}} */
}
