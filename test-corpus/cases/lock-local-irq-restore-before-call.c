/*
 * Negative: the file is detached with interrupts off; local_irq_restore()
 * runs before __fput_sync().
 */
#include <linux/irqflags.h>
#include <linux/file.h>
#include <linux/fs.h>

struct pmu_ctx {
	struct file *sample_file;
	unsigned int nr_active;
};

void pmu_ctx_sched_out(struct pmu_ctx *ctx)
{
	struct file *sample;
	unsigned long flags;

	local_irq_save(flags);
	ctx->nr_active = 0;
	sample = ctx->sample_file;
	ctx->sample_file = NULL;
	local_irq_restore(flags);

	if (sample)
		__fput_sync(sample);
}
