/* fputcheck-options: --assume-sync filp_close */
/*
 * get_file() then fput(): the extra reference is gone again before
 * filp_close(), which may drop the last one and is reported. Any call that
 * is passed the file may have let the reference go.
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex	lock;
};

void demo_dev_release(struct demo_dev *d, struct file *fp)
{
	guard(mutex)(&d->lock);	/* note: {{mutex 'd->lock' acquired here by mutex_lock\(\)}} */
	get_file(fp);
	fput(fp);
	filp_close(fp, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'd->lock' held}} */
}

/* The same calls with fput() last: filp_close() is not the last release. */
int demo_dev_flush(struct demo_dev *d, struct file *fp)
{
	int err;

	guard(mutex)(&d->lock);
	get_file(fp);
	err = filp_close(fp, NULL);
	fput(fp);
	return err;
}
