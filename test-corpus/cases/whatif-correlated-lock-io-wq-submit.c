/* fputcheck-options: --assume-sync filp_close */
/*
 * io_uring/io_uring.c shape: io_iopoll_req_issued() takes ctx->uring_lock
 * only when its caller does not hold it, under a const local it tests
 * again before the unlock. It is not a lock wrapper, so io_issue_sqe(),
 * which calls it after the request's close, is not one either, and
 * io_wq_submit_work()'s second round of its retry loop does not run with
 * the lock "still held" from the first. The SQ path, which holds the lock
 * around the issue, is reported.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

#define DEMO_F_UNLOCKED		(1U << 1)
#define DEMO_ISSUE_SKIP_COMPLETE	(-516)

struct demo_ring_ctx {
	struct mutex	uring_lock;
	bool		poll_multi_queue;
};

struct demo_kiocb {
	struct file		*file;
	struct demo_ring_ctx	*ctx;
	bool			iopoll;
};

static void demo_iopoll_req_issued(struct demo_kiocb *req,
				   unsigned int issue_flags)
{
	struct demo_ring_ctx *ctx = req->ctx;
	const bool needs_lock = issue_flags & DEMO_F_UNLOCKED;

	/* workqueue context doesn't hold uring_lock, grab it now */
	if (unlikely(needs_lock))
		mutex_lock(&ctx->uring_lock);

	ctx->poll_multi_queue = true;

	if (unlikely(needs_lock))
		mutex_unlock(&ctx->uring_lock);
}

static int demo_close(struct demo_kiocb *req, unsigned int issue_flags)
{
	return filp_close(req->file, NULL);
}

static int demo_issue_sqe(struct demo_kiocb *req, unsigned int issue_flags)
{
	int ret = demo_close(req, issue_flags);

	if (ret == DEMO_ISSUE_SKIP_COMPLETE && req->iopoll)
		demo_iopoll_req_issued(req, issue_flags);
	return ret;
}

void demo_wq_submit_work(struct demo_kiocb *req)
{
	unsigned int issue_flags = DEMO_F_UNLOCKED;
	int ret;

	do {
		ret = demo_issue_sqe(req, issue_flags);
		if (ret != -EAGAIN)
			break;
	} while (1);
}

void demo_submit_sqes(struct demo_kiocb *req)
{
	mutex_lock(&req->ctx->uring_lock);
	demo_issue_sqe(req, 0);	/* expect: fput-sync-locked */
	mutex_unlock(&req->ctx->uring_lock);
}
