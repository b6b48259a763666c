/*
 * The lock is taken through a local that points at it and released
 * through the field: a local declared with an initializer and never
 * assigned names one lock for the whole body, so both are the same lock.
 * A local assigned again names nothing fixed, and its lock stays held.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nvmet_file_ns {
	spinlock_t lock;
	struct file *backing;
	bool enabled;
};

void nvmet_file_ns_disable(struct nvmet_file_ns *ns)
{
	spinlock_t *l = &ns->lock;
	struct file *backing;

	spin_lock(l);
	ns->enabled = false;
	backing = ns->backing;
	ns->backing = NULL;
	spin_unlock(&ns->lock);

	if (backing)
		__fput_sync(backing);
}

void nvmet_file_ns_swap(struct nvmet_file_ns *ns, struct nvmet_file_ns *peer)
{
	spinlock_t *l = &ns->lock;

	if (peer->enabled)
		l = &peer->lock;
	spin_lock(l);
	spin_unlock(&ns->lock);
	__fput_sync(ns->backing);	/* expect: fput-sync-atomic */
}
