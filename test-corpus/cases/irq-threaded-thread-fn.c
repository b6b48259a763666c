/*
 * Negative: request_threaded_irq() with a NULL primary handler; the thread
 * function runs in a kernel thread (process context), so __fput_sync() is
 * allowed there.
 */
#include <linux/interrupt.h>
#include <linux/file.h>
#include <linux/fs.h>

struct cros_ec_log {
	int irq;
	struct file *log_file;
	bool overflow;
};

static irqreturn_t cros_ec_log_irq_thread(int irq, void *data)
{
	struct cros_ec_log *log = data;

	if (!log->overflow)
		return IRQ_NONE;

	__fput_sync(log->log_file);
	log->log_file = NULL;
	return IRQ_HANDLED;
}

int cros_ec_log_probe(struct cros_ec_log *log)
{
	return request_threaded_irq(log->irq, NULL, cros_ec_log_irq_thread,
				    IRQF_ONESHOT, "cros-ec-log", log);
}
