/*
 * What-if: with filp_close() assumed synchronous, closing the file while
 * holding the device mutex is reported.
 */
/* fputcheck-options: --assume-sync filp_close */
#include <linux/mutex.h>
#include <linux/fs.h>

struct vfio_migration_file {
	struct mutex lock;
	struct file *filp;
	bool disabled;
};

void vfio_migration_file_disable(struct vfio_migration_file *migf)
{
	mutex_lock(&migf->lock);	/* note: {{mutex 'migf->lock' acquired here by mutex_lock\(\)}} */
	migf->disabled = true;
	if (migf->filp) {
		filp_close(migf->filp, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'migf->lock' held}} */
		migf->filp = NULL;
	}
	mutex_unlock(&migf->lock);
}
