/*
 * Unlock/relock inside the loop, but the sync call comes after the relock,
 * so it runs with the spinlock held.
 */
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fanotify_pending {
	struct list_head node;
	struct file *file;
};

struct fanotify_group_q {
	spinlock_t lock;
	struct list_head pending;
};

void fanotify_group_q_flush(struct fanotify_group_q *q)
{
	struct fanotify_pending *p;

	spin_lock(&q->lock);
	while (!list_empty(&q->pending)) {
		p = list_first_entry(&q->pending, struct fanotify_pending, node);
		list_del(&p->node);
		spin_unlock(&q->lock);
		cond_resched();
		spin_lock(&q->lock);	/* note: {{acquired here}} */
		__fput_sync(p->file);	/* expect: fput-sync-atomic */
		kfree(p);
	}
	spin_unlock(&q->lock);
}
