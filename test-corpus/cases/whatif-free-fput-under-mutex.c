/* fputcheck-options: --assume-sync fput */
/*
 * A __free(fput) variable (include/linux/file.h's DEFINE_FREE(fput, ...))
 * runs fput() at every exit from its scope. If fput() were synchronous,
 * the one below would release the file with the mutex still held: the
 * cleanup is a call, reported where the variable is declared.
 */
#include <linux/cleanup.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex	lock;
	loff_t		size;
};

int demo_dev_sample(struct demo_dev *d, unsigned int fd)
{
	mutex_lock(&d->lock);	/* note: {{mutex 'd->lock' acquired here by mutex_lock\(\)}} */
	{
		struct file *f __free(fput) = fget(fd);	/* expect: fput-sync-locked {{fput\(\) reached with mutex 'd->lock' held \(__free_fput -> fput\)}} note: {{demo_dev_sample\(\) calls __free_fput\(\)}} */

		if (!f) {
			mutex_unlock(&d->lock);
			return -EBADF;
		}
		d->size = f->f_pos;
	}
	mutex_unlock(&d->lock);
	return 0;
}

/* The same cleanup with the mutex dropped first: silent. */
int demo_dev_peek(struct demo_dev *d, unsigned int fd)
{
	struct file *f __free(fput) = fget(fd);

	if (!f)
		return -EBADF;
	mutex_lock(&d->lock);
	d->size = f->f_pos;
	mutex_unlock(&d->lock);
	return 0;
}
