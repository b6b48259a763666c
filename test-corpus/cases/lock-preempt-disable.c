/*
 * preempt_disable() section: __fput_sync() inside it may sleep with
 * preemption disabled.
 */
#include <linux/preempt.h>
#include <linux/file.h>
#include <linux/fs.h>

struct percpu_trace_buf {
	struct file *spill_file;
	unsigned long used;
};

extern struct percpu_trace_buf trace_bufs[];
int raw_smp_processor_id(void);

void trace_buf_reset_local(void)
{
	struct percpu_trace_buf *buf;

	preempt_disable();	/* note: {{preemption disabled \(preempt_disable\(\)\) from here}} */
	buf = &trace_bufs[raw_smp_processor_id()];
	buf->used = 0;
	if (buf->spill_file) {
		__fput_sync(buf->spill_file);	/* expect: fput-sync-atomic {{reached with preemption disabled \(preempt_disable\(\)\)}} */
		buf->spill_file = NULL;
	}
	preempt_enable();
}
