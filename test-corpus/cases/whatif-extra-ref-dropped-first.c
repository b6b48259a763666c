/* fputcheck-options: --assume-sync filp_close */
/*
 * get_file() then fput(): the extra reference is gone again before
 * filp_close(), which may drop the last one and is reported. Any call that
 * is passed the file may have let the reference go.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex	lock;
};

void demo_dev_release(struct demo_dev *d, struct file *fp)
{
	mutex_lock(&d->lock);	/* note: {{mutex 'd->lock' acquired here by mutex_lock\(\)}} */
	get_file(fp);
	fput(fp);
	filp_close(fp, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'd->lock' held}} */
	mutex_unlock(&d->lock);
}

/* The same calls with fput() last: filp_close() is not the last release. */
void demo_dev_release_later(struct demo_dev *d, struct file *fp)
{
	mutex_lock(&d->lock);
	get_file(fp);
	filp_close(fp, NULL);
	fput(fp);
	mutex_unlock(&d->lock);
}
