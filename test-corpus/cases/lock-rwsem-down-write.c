/*
 * down_write() on an rw_semaphore: a sleeping lock, reported as locked.
 */
#include <linux/rwsem.h>
#include <linux/file.h>
#include <linux/fs.h>

struct coredump_ctl {
	struct rw_semaphore sem;
	struct file *pipe_file;
	unsigned int generation;
};

void coredump_ctl_replace_pipe(struct coredump_ctl *ctl, struct file *pipe)
{
	down_write(&ctl->sem);	/* note: {{rw_semaphore 'ctl->sem' acquired here by down_write\(\)}} */
	if (ctl->pipe_file)
		__fput_sync(ctl->pipe_file);	/* expect: fput-sync-locked {{rw_semaphore 'ctl->sem' held}} */
	ctl->pipe_file = pipe;
	ctl->generation++;
	up_write(&ctl->sem);
}
