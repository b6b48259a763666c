/*
 * net/sunrpc/xprtsock.c xs_reset_transport() shape: the helper runs
 * __fput_sync() only in a workqueue worker and warns and backs off
 * anywhere else. A chain through it is real only from a root that can run
 * in a worker: the work function below, not the system-call path or the
 * exported function that no work item reaches.
 */
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_xprt {
	struct mutex		lock;
	unsigned long		state;
	struct file		*file;
	struct work_struct	close_work;
};

#define DEMO_CLOSE_WAIT		1

static void demo_reset_transport(struct demo_xprt *x)
{
	struct file *filp = x->file;

	if (filp == NULL)
		return;
	/* Only rpciod and the system workqueue may call __fput_sync() here. */
	if (!(current->flags & PF_WQ_WORKER)) {
		WARN_ON_ONCE(1);
		x->state |= DEMO_CLOSE_WAIT;
		return;
	}
	x->file = NULL;
	__fput_sync(filp);
}

/* A system call: the guard sends it back before __fput_sync(). */
void demo_xprt_shutdown(struct demo_xprt *x)
{
	mutex_lock(&x->lock);
	demo_reset_transport(x);
	mutex_unlock(&x->lock);
}
EXPORT_SYMBOL_GPL(demo_xprt_shutdown);

/* A work item runs in a workqueue worker: there the guard holds. */
static void demo_close_work(struct work_struct *work)
{
	struct demo_xprt *x = container_of(work, struct demo_xprt, close_work);

	mutex_lock(&x->lock);	/* note: {{mutex 'x->lock' acquired here by mutex_lock\(\)}} */
	demo_reset_transport(x);	/* expect: fput-sync-locked {{^demo_close_work\(\) warn: __fput_sync\(\) reached with mutex 'x->lock' held \(demo_reset_transport -> __fput_sync\)}} */
	mutex_unlock(&x->lock);
}

void demo_xprt_init(struct demo_xprt *x)
{
	mutex_init(&x->lock);
	INIT_WORK(&x->close_work, demo_close_work);
}
