/*
 * raw_spin_lock() on a raw_spinlock_t (macro straight over _raw_spin_lock()).
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct sched_trace_ctl {
	raw_spinlock_t lock;
	struct file *trace_file;
	u64 events;
};

void sched_trace_ctl_reset(struct sched_trace_ctl *ctl)
{
	raw_spin_lock(&ctl->lock);	/* note: {{spinlock 'ctl->lock' acquired here}} */
	ctl->events = 0;
	if (ctl->trace_file) {
		__fput_sync(ctl->trace_file);	/* expect: fput-sync-atomic {{spinlock 'ctl->lock' held}} */
		ctl->trace_file = NULL;
	}
	raw_spin_unlock(&ctl->lock);
}
