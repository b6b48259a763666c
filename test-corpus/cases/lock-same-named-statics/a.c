/*
 * Same-named statics, first TU: this release_file() only calls fput(), so
 * calling it under the spinlock is fine.  A checker that merges the two
 * static release_file()s by name would wrongly report the call below.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct evt_queue {
	spinlock_t lock;
	struct file *output;
};

static void release_file(struct file *f)
{
	fput(f);
}

void evt_queue_detach(struct evt_queue *q)
{
	spin_lock(&q->lock);
	if (q->output) {
		release_file(q->output);
		q->output = NULL;
	}
	spin_unlock(&q->lock);
}
