/*
 * The lock is taken and dropped under the same test of a parameter the
 * function never writes, so it is never held at the sync call: the path
 * that takes it and skips the unlock does not exist.
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
	__fput_sync(tc->file);
}
