/*
 * Two tests of one variable agree only while it does not change: assigned
 * between them, or declared again on the next round of a loop, the second
 * test says nothing about the lock the first one took.
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

bool trace_cache_pick(struct trace_cache *tc, int i);

void trace_cache_reset(struct trace_cache *tc, bool caller_locked)
{
	if (!caller_locked)
		spin_lock(&tc->lock);
	caller_locked = tc->count > 0;
	if (!caller_locked)
		spin_unlock(&tc->lock);
	__fput_sync(tc->file);	/* expect: fput-sync-atomic */
}

void trace_cache_scan(struct trace_cache *tc, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		bool take = trace_cache_pick(tc, i);

		if (take)
			spin_lock(&tc->lock);
		/* Held from an earlier round where take was true. */
		if (!take)
			__fput_sync(tc->file);	/* expect: fput-sync-atomic */
	}
}
