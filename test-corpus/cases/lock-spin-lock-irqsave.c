/*
 * spin_lock_irqsave(): spinlock held with interrupts off until
 * spin_unlock_irqrestore().
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct uart_capture {
	spinlock_t lock;
	struct file *capture_file;
	unsigned long bytes;
};

void uart_capture_stop(struct uart_capture *cap)
{
	unsigned long flags;

	spin_lock_irqsave(&cap->lock, flags);	/* note: {{spinlock 'cap->lock' acquired here}} */
	cap->bytes = 0;
	if (cap->capture_file) {
		__fput_sync(cap->capture_file);	/* expect: fput-sync-atomic {{spinlock 'cap->lock' held}} */
		cap->capture_file = NULL;
	}
	spin_unlock_irqrestore(&cap->lock, flags);
}
