/*
 * local_irq_disable() ... local_irq_enable(): __fput_sync() runs with
 * interrupts disabled.
 */
#include <linux/irqflags.h>
#include <linux/file.h>
#include <linux/fs.h>

struct kvm_vcpu_dump {
	struct file *dump_file;
	bool pending;
};

void kvm_vcpu_dump_cancel(struct kvm_vcpu_dump *d)
{
	local_irq_disable();	/* note: {{interrupts disabled \(local_irq_disable\(\)\) from here}} */
	d->pending = false;
	__fput_sync(d->dump_file);	/* expect: fput-sync-atomic {{reached with interrupts disabled \(local_irq_disable\(\)\)}} */
	d->dump_file = NULL;
	local_irq_enable();
}
