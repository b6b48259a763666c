/*
 * down_trylock() returns 0 when it ACQUIRED the semaphore, so after the
 * early return the semaphore is held at the sync call.
 */
#include <linux/semaphore.h>
#include <linux/file.h>
#include <linux/fs.h>

struct console_log {
	struct semaphore sem;
	struct file *log_file;
	unsigned int dropped;
};

int console_log_rotate(struct console_log *cl, struct file *next)
{
	if (down_trylock(&cl->sem))	/* note: {{semaphore 'cl->sem' acquired here by down_trylock\(\)}} */
		return -EBUSY;

	if (cl->log_file)
		__fput_sync(cl->log_file);	/* expect: fput-sync-locked {{semaphore 'cl->sem' held}} */
	cl->log_file = next;
	cl->dropped = 0;
	up(&cl->sem);
	return 0;
}
