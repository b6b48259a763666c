/*
 * Negative: the file is detached under the spinlock, which is released
 * before __fput_sync() runs.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct perf_output {
	spinlock_t lock;
	struct file *filp;
	unsigned long lost;
};

void perf_output_close(struct perf_output *out)
{
	struct file *filp;

	spin_lock(&out->lock);
	filp = out->filp;
	out->filp = NULL;
	out->lost = 0;
	spin_unlock(&out->lock);

	if (filp)
		__fput_sync(filp);
}
