// SPDX-License-Identifier: GPL-2.0
/*
 * A loop-like block driver: the backing file is dropped with a synchronous
 * fput while the device mutex is held (fput-sync-locked), and the exported
 * detach helper hands that path to modules (fput-sync-export).
 */
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/file.h>
#include <linux/fs.h>
#include "../../fs/backing.h"

struct loopdev {
	struct mutex ctl_mutex;
	spinlock_t lock;
	struct file *backing;
	struct work_struct release_work;
};

int loopdev_detach(struct loopdev *lo)
{
	mutex_lock(&lo->ctl_mutex);
	backing_file_drop(lo->backing);
	lo->backing = NULL;
	mutex_unlock(&lo->ctl_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(loopdev_detach);

/* Correct: the file pointer is taken under the lock, dropped after it. */
void loopdev_reset(struct loopdev *lo)
{
	struct file *old;

	spin_lock(&lo->lock);
	old = lo->backing;
	lo->backing = NULL;
	spin_unlock(&lo->lock);
	if (old)
		backing_file_drop(old);
}

static void loopdev_release_workfn(struct work_struct *work)
{
	struct loopdev *lo = container_of(work, struct loopdev, release_work);

	backing_file_drop(lo->backing);
}

/* Correct: the work item runs later in process context, nothing held. */
void loopdev_release_async(struct loopdev *lo)
{
	spin_lock(&lo->lock);
	INIT_WORK(&lo->release_work, loopdev_release_workfn);
	schedule_work(&lo->release_work);
	spin_unlock(&lo->lock);
}
