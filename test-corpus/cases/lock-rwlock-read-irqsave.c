/*
 * read_lock_irqsave(): rwlock read side with interrupts off
 * (flags = _raw_read_lock_irqsave(lock)).
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct evdev_grab {
	rwlock_t lock;
	struct file *grab_file;
};

void evdev_grab_drop(struct evdev_grab *g)
{
	unsigned long flags;

	read_lock_irqsave(&g->lock, flags);	/* note: {{rwlock 'g->lock' acquired here}} */
	if (g->grab_file)
		__fput_sync(g->grab_file);	/* expect: fput-sync-atomic {{rwlock 'g->lock' held}} */
	read_unlock_irqrestore(&g->lock, flags);
}
