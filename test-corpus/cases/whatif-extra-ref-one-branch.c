/* fputcheck-options: --assume-sync filp_close */
/*
 * A reference taken on one branch only says nothing about the other: the
 * filp_close() after the join may drop the last reference, and is reported.
 * Taken before the branch, it covers both.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex	lock;
	bool		keep;
};

void demo_dev_close(struct demo_dev *d, struct file *fp)
{
	mutex_lock(&d->lock);	/* note: {{mutex 'd->lock' acquired here by mutex_lock\(\)}} */
	if (d->keep)
		get_file(fp);
	filp_close(fp, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'd->lock' held}} */
	mutex_unlock(&d->lock);
}

void demo_dev_close_kept(struct demo_dev *d, struct file *fp)
{
	mutex_lock(&d->lock);
	get_file(fp);
	if (d->keep)
		d->keep = false;
	filp_close(fp, NULL);
	mutex_unlock(&d->lock);
	fput(fp);
}
