/*
 * Negative: init_task_work() + task_work_add() under a spinlock only queue
 * the callback; it runs on return to user space, in process context.
 */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/task_work.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct uffd_release_req {
	struct callback_head twork;
	struct file *file;
};

struct uffd_ctx {
	spinlock_t lock;
	struct uffd_release_req *pending;
};

static void uffd_release_twork(struct callback_head *head)
{
	struct uffd_release_req *req = container_of(head, struct uffd_release_req,
						    twork);

	__fput_sync(req->file);
	kfree(req);
}

int uffd_ctx_defer_release(struct uffd_ctx *ctx, struct uffd_release_req *req)
{
	int ret;

	spin_lock(&ctx->lock);
	ctx->pending = NULL;
	init_task_work(&req->twork, uffd_release_twork);
	ret = task_work_add(current, &req->twork, TWA_RESUME);
	spin_unlock(&ctx->lock);
	return ret;
}
