/*
 * close_fd_sync() of an fd the driver installed, called while the device
 * mutex is held.
 */
#include <linux/mutex.h>
#include <linux/fdtable.h>
#include <linux/file.h>

struct sync_timeline_dev {
	struct mutex lock;
	int fence_fd;
	bool signaled;
};

void sync_timeline_cancel_fd(struct sync_timeline_dev *dev)
{
	mutex_lock(&dev->lock);	/* note: {{mutex 'dev->lock' acquired here by mutex_lock\(\)}} */
	if (!dev->signaled && dev->fence_fd >= 0) {
		close_fd_sync(dev->fence_fd);	/* expect: fput-sync-locked {{close_fd_sync\(\) reached with mutex 'dev->lock' held}} */
		dev->fence_fd = -1;
	}
	mutex_unlock(&dev->lock);
}
