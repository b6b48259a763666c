/*
 * A trylock tested inside unlikely(): __builtin_expect(!!(x), 0) keeps the
 * test's truth, so the lock is held past the early return and the sync
 * call runs under it. The failure path, inside the branch, does not hold it.
 */
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct trace_cache {
	spinlock_t lock;
	unsigned int count;
	struct file *file;
};

int trace_cache_try_trim(struct trace_cache *tc, struct file *spare)
{
	if (unlikely(!spin_trylock(&tc->lock))) {
		__fput_sync(spare);
		return -EBUSY;
	}
	tc->count = 0;
	__fput_sync(tc->file);	/* expect: fput-sync-atomic */
	spin_unlock(&tc->lock);
	return 0;
}
