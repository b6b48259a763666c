/*
 * Known false positive: the lock is taken and dropped under the same
 * condition, so it is never held at the sync call; a path-insensitive
 * may-analysis keeps the infeasible "taken, not dropped" path.
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

void trace_cache_trim(struct trace_cache *tc, bool caller_locked)
{
	if (!caller_locked)
		spin_lock(&tc->lock);
	tc->count = 0;
	if (!caller_locked)
		spin_unlock(&tc->lock);
	__fput_sync(tc->file);	/* xfail-fp: fput-sync-atomic -- correlated branches are not tracked */
}
