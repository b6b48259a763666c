/*
 * The spin_trylock() result goes through a variable: the lock is held on the
 * path where the later "if (!locked)" test fails.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct zram_backing {
	spinlock_t lock;
	struct file *backing_dev;
	unsigned long nr_pages;
};

int zram_backing_try_reset(struct zram_backing *zb)
{
	int locked = spin_trylock(&zb->lock);	/* note: {{acquired here}} */

	if (!locked)
		return -EBUSY;

	zb->nr_pages = 0;
	__fput_sync(zb->backing_dev);	/* expect: fput-sync-atomic */
	zb->backing_dev = NULL;
	spin_unlock(&zb->lock);
	return 0;
}
