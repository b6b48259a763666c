/*
 * down_read() on an rw_semaphore: a sleeping lock, reported as locked.
 */
#include <linux/rwsem.h>
#include <linux/file.h>
#include <linux/fs.h>

struct coredump_ctl {
	struct rw_semaphore sem;
	struct file *pipe_file;
};

void coredump_ctl_drop_pipe(struct coredump_ctl *ctl)
{
	down_read(&ctl->sem);	/* note: {{rw_semaphore 'ctl->sem' acquired here by down_read\(\)}} */
	if (ctl->pipe_file)
		__fput_sync(ctl->pipe_file);	/* expect: fput-sync-locked {{rw_semaphore 'ctl->sem' held}} */
	up_read(&ctl->sem);
}
