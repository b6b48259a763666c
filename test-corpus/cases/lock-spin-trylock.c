/*
 * spin_trylock() succeeded: the body of the if runs with the spinlock held.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct swap_slot_cache {
	spinlock_t lock;
	struct file *swap_file;
	bool draining;
};

void swap_slot_cache_drain(struct swap_slot_cache *cache)
{
	if (spin_trylock(&cache->lock)) {
		cache->draining = true;
		__fput_sync(cache->swap_file);	/* expect: fput-sync-atomic note@-2: {{acquired here}} */
		cache->swap_file = NULL;
		spin_unlock(&cache->lock);
	}
}
