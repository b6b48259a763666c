/*
 * Interrupts are disabled by the caller; a helper saves and restores them
 * around its own update. The restore puts back the caller's state, so
 * interrupts are still off at the sync call.
 */
#include <linux/irqflags.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nic_stats {
	unsigned long rx_dropped;
	struct file *dump_file;
};

static void nic_stats_bump(struct nic_stats *s)
{
	unsigned long flags;

	local_irq_save(flags);
	s->rx_dropped++;
	local_irq_restore(flags);
}

void nic_stats_dump_close(struct nic_stats *s)
{
	local_irq_disable();	/* note: {{interrupts disabled \(local_irq_disable\(\)\) from here}} */
	nic_stats_bump(s);
	__fput_sync(s->dump_file);	/* expect: fput-sync-atomic {{reached with interrupts disabled \(local_irq_disable\(\)\)}} */
	local_irq_enable();
}
