/*
 * io_uring/io_uring.c io_req_task_submit() shape: task work goes ahead
 * only when a predicate helper says the task is not going away, and the
 * helper's answer includes a test of the running context:
 *
 *	return (current->flags & (PF_KTHREAD | PF_EXITING)) || dying;
 *
 * Where it returned zero the task is no kernel thread, so a workqueue
 * worker (io_fallback_req_func(), a work item) never submits: only the
 * task's own task work does. Where it returned nonzero nothing is known
 * (the ring may be dying in any task), so the failure path stays reported
 * from the task work.
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/task_work.h>
#include <linux/workqueue.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_ring {
	struct mutex		uring_lock;
	bool			dying;
	struct file		*file;
	struct file		*failed_file;
	struct work_struct	fallback_work;
	struct callback_head	task_work;
};

static inline bool demo_should_terminate_tw(struct demo_ring *ctx)
{
	return (current->flags & (PF_KTHREAD | PF_EXITING)) ||
	       READ_ONCE(ctx->dying);
}

void demo_req_defer_failed(struct demo_ring *ctx, int res);

static void demo_req_task_submit(struct demo_ring *ctx)
{
	if (unlikely(demo_should_terminate_tw(ctx)))
		demo_req_defer_failed(ctx, -EFAULT);
	else
		__fput_sync(ctx->file);
}

/* The helper's nonzero answer says nothing of the context. */
static void demo_req_cancel(struct demo_ring *ctx)
{
	if (demo_should_terminate_tw(ctx))
		__fput_sync(ctx->failed_file);
}

/* A helper of one bit says where it holds on both edges. */
static inline bool demo_in_kthread(void)
{
	return current->flags & PF_KTHREAD;
}

/* Only a kernel thread reaps here; a task leaves it to the worker. */
static void demo_req_reap(struct demo_ring *ctx)
{
	if (demo_in_kthread() == 0)
		return;
	__fput_sync(ctx->failed_file);
}

/* A work item: runs in a workqueue worker, a kernel thread. */
static void demo_fallback_req_func(struct work_struct *work)
{
	struct demo_ring *ctx = container_of(work, struct demo_ring,
					     fallback_work);

	mutex_lock(&ctx->uring_lock);
	demo_req_task_submit(ctx);
	demo_req_reap(ctx);	/* expect: fput-sync-locked {{\(demo_req_reap -> __fput_sync\)}} */
	mutex_unlock(&ctx->uring_lock);
}

/* Task work: runs in the task that queued it. */
static void demo_task_work_run(struct callback_head *cb)
{
	struct demo_ring *ctx = container_of(cb, struct demo_ring, task_work);

	mutex_lock(&ctx->uring_lock);
	demo_req_task_submit(ctx);	/* expect: fput-sync-locked {{\(demo_req_task_submit -> __fput_sync\)}} */
	demo_req_cancel(ctx);	/* expect: fput-sync-locked {{\(demo_req_cancel -> __fput_sync\)}} */
	demo_req_reap(ctx);
	mutex_unlock(&ctx->uring_lock);
}

void demo_ring_init(struct demo_ring *ctx)
{
	mutex_init(&ctx->uring_lock);
	INIT_WORK(&ctx->fallback_work, demo_fallback_req_func);
	init_task_work(&ctx->task_work, demo_task_work_run);
}
