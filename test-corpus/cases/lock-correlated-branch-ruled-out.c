/*
 * A branch that an earlier test of the same unchanging parameter rules out
 * is never taken, so nothing in it runs with the lock held.
 */
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct trace_cache {
	spinlock_t lock;
	unsigned int count;
	struct file *file;
};

void trace_cache_flush(struct trace_cache *tc, bool draining)
{
	if (draining)
		return;
	spin_lock(&tc->lock);
	tc->count = 0;
	if (unlikely(draining))
		__fput_sync(tc->file);
	spin_unlock(&tc->lock);
}
