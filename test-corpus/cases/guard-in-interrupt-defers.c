/*
 * A release helper that tests in_interrupt() and defers from there: the
 * __fput_sync() behind the test never runs in the timer callback (softirq)
 * that reaches the helper, only from the process-context caller.
 */
#include <linux/preempt.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dump {
	struct timer_list	timer;
	struct mutex		lock;
	struct file		*file;
	struct work_struct	release_work;
};

static void demo_dump_release(struct demo_dump *d)
{
	if (in_interrupt()) {
		schedule_work(&d->release_work);
		return;
	}
	__fput_sync(d->file);
}

static void demo_dump_timeout(struct timer_list *t)
{
	struct demo_dump *d = from_timer(d, t, timer);

	demo_dump_release(d);
}

void demo_dump_close(struct demo_dump *d)
{
	mutex_lock(&d->lock);	/* note: {{mutex 'd->lock' acquired here by mutex_lock\(\)}} */
	demo_dump_release(d);		/* expect: fput-sync-locked {{mutex 'd->lock' held \(demo_dump_release -> __fput_sync\)}} */
	mutex_unlock(&d->lock);
}

void demo_dump_arm(struct demo_dump *d)
{
	timer_setup(&d->timer, demo_dump_timeout, 0);
}
