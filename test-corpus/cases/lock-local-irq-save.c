/*
 * local_irq_save(): interrupts are off until local_irq_restore(), so the
 * sync call in between runs in atomic context.
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
	unsigned long flags;

	local_irq_save(flags);	/* note: {{interrupts disabled \(local_irq_save\(\)\) from here}} */
	ctx->nr_active = 0;
	if (ctx->sample_file) {
		__fput_sync(ctx->sample_file);	/* expect: fput-sync-atomic {{reached with interrupts disabled \(local_irq_save\(\)\)}} */
		ctx->sample_file = NULL;
	}
	local_irq_restore(flags);
}
