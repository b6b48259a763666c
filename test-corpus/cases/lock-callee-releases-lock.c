/*
 * Negative: close_and_unlock() is called with the spinlock held but
 * releases it (sparse __releases) before calling __fput_sync().
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct memfd_slot {
	spinlock_t lock;
	struct file *file;
	bool sealed;
};

static void close_and_unlock(struct memfd_slot *slot)
	__releases(&slot->lock)
{
	struct file *file = slot->file;

	slot->file = NULL;
	spin_unlock(&slot->lock);
	__fput_sync(file);
}

int memfd_slot_reset(struct memfd_slot *slot)
{
	spin_lock(&slot->lock);
	if (slot->sealed) {
		spin_unlock(&slot->lock);
		return -EPERM;
	}
	close_and_unlock(slot);
	return 0;
}
