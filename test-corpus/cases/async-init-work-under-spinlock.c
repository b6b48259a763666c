/*
 * Negative: INIT_WORK() + schedule_work() under a spinlock only queue
 * close_work_fn(); it runs later in a kworker (process context, no lock).
 */
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct usb_gadget_log {
	spinlock_t lock;
	struct file *log_file;
	struct work_struct close_work;
	bool closing;
};

static void close_work_fn(struct work_struct *work)
{
	struct usb_gadget_log *log = container_of(work, struct usb_gadget_log,
						  close_work);

	__fput_sync(log->log_file);
	kfree(log);
}

void usb_gadget_log_disconnect(struct usb_gadget_log *log)
{
	unsigned long flags;

	spin_lock_irqsave(&log->lock, flags);
	log->closing = true;
	INIT_WORK(&log->close_work, close_work_fn);
	schedule_work(&log->close_work);
	spin_unlock_irqrestore(&log->lock, flags);
}
