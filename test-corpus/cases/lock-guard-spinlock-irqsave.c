/*
 * guard(spinlock_irqsave): the lock class carries the saved flags; the
 * spinlock is held with interrupts off until the end of the function.
 */
#include <linux/spinlock.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct hid_bpf_prog_slot {
	spinlock_t lock;
	struct file *prog_file;
};

void hid_bpf_prog_slot_clear(struct hid_bpf_prog_slot *slot)
{
	guard(spinlock_irqsave)(&slot->lock);	/* note: {{spinlock 'slot->lock' acquired here}} */

	if (slot->prog_file)
		__fput_sync(slot->prog_file);	/* expect: fput-sync-atomic {{spinlock 'slot->lock' held}} */
	slot->prog_file = NULL;
}
