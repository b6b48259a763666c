/*
 * Negative: spin_lock_irqsave()/spin_unlock_irqrestore() pair closed before
 * the sync call.
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
	struct file *capture;
	unsigned long flags;

	spin_lock_irqsave(&cap->lock, flags);
	cap->bytes = 0;
	capture = cap->capture_file;
	cap->capture_file = NULL;
	spin_unlock_irqrestore(&cap->lock, flags);

	if (capture)
		__fput_sync(capture);
}
