/*
 * mutex_lock_nested() is a macro over mutex_lock() without lockdep: the
 * mutex is held at the sync call.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

#define OVL_LOCK_CHILD	1

struct ovl_upper {
	struct mutex lock;
	struct file *realfile;
};

void ovl_upper_drop_realfile(struct ovl_upper *up)
{
	mutex_lock_nested(&up->lock, OVL_LOCK_CHILD);	/* note: {{mutex 'up->lock' acquired here}} */
	if (up->realfile)
		__fput_sync(up->realfile);	/* expect: fput-sync-locked {{mutex 'up->lock' held}} */
	up->realfile = NULL;
	mutex_unlock(&up->lock);
}
