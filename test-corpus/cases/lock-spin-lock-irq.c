/*
 * spin_lock_irq(): spinlock held with interrupts disabled.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct dma_fence_dump {
	spinlock_t lock;
	struct file *dump_file;
	bool armed;
};

void dma_fence_dump_disarm(struct dma_fence_dump *d)
{
	spin_lock_irq(&d->lock);	/* note: {{acquired here}} */
	d->armed = false;
	__fput_sync(d->dump_file);	/* expect: fput-sync-atomic */
	d->dump_file = NULL;
	spin_unlock_irq(&d->lock);
}
