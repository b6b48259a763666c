// SPDX-License-Identifier: GPL-2.0
/*
 * Backing files are released synchronously so the underlying device is free
 * when the caller returns; fine in process context, wrong under a lock.
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>
#include "backing.h"

void backing_file_drop(struct file *file)
{
	__fput_sync(file);
}

struct backing_req {
	struct file *file;
	struct completion done;
};

/* The waiter on req->done may hold what ->release needs. */
void backing_req_finish(struct backing_req *req)
{
	backing_file_drop(req->file);
	complete(&req->done);
}
