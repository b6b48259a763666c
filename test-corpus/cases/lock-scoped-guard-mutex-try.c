/*
 * scoped_guard(mutex_try, ...) is conditional: the body runs only when
 * mutex_trylock() succeeded, i.e. with the mutex held.
 */
#include <linux/mutex.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct sysfs_bin_cache {
	struct mutex lock;
	struct file *shadow;
};

void sysfs_bin_cache_shrink(struct sysfs_bin_cache *c)
{
	scoped_guard(mutex_try, &c->lock) {	/* note: {{mutex 'c->lock' acquired here by mutex_trylock\(\)}} */
		if (c->shadow)
			__fput_sync(c->shadow);	/* expect: fput-sync-locked {{mutex 'c->lock' held}} */
		c->shadow = NULL;
	}
}
