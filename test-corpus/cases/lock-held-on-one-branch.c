/*
 * The spinlock is taken only when the ring is shared, but __fput_sync() runs
 * on both paths: on the shared path it runs under the lock (may-held).
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct io_ring {
	spinlock_t lock;
	bool shared;
	struct file *registered;
	unsigned int nr_registered;
};

void io_ring_unregister_file(struct io_ring *ring)
{
	struct file *filp;

	if (ring->shared)
		spin_lock(&ring->lock);	/* note: {{acquired here}} */

	filp = ring->registered;
	ring->registered = NULL;
	ring->nr_registered--;
	__fput_sync(filp);	/* expect: fput-sync-atomic */

	if (ring->shared)
		spin_unlock(&ring->lock);
}
