/*
 * Known false positive: the lock is taken through a pointer alias and
 * released through the field; lock expressions are matched textually.
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
		__fput_sync(backing);	/* xfail-fp: fput-sync-atomic -- locked as "l", unlocked as "&ns->lock"; the alias is not resolved */
}
