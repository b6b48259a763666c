/*
 * mutex_lock_interruptible() returns 0 once the mutex is held: after the
 * early return on a signal, the sync call runs with the mutex held.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct vhost_log {
	struct mutex mutex;
	struct file *log_file;
};

long vhost_log_set_file(struct vhost_log *log, struct file *filp)
{
	if (mutex_lock_interruptible(&log->mutex))	/* note: {{mutex 'log->mutex' acquired here by mutex_lock_interruptible\(\)}} */
		return -EINTR;

	if (log->log_file)
		__fput_sync(log->log_file);	/* expect: fput-sync-locked {{mutex 'log->mutex' held}} */
	log->log_file = filp;
	mutex_unlock(&log->mutex);
	return 0;
}
