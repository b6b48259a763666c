/*
 * A work item runs in a workqueue worker, a kernel thread, and nowhere
 * else when nothing else can call it: a release that a kernel thread
 * defers (fput()'s own test, fs/file_table.c) is not reached from it.
 * Once its address is kept elsewhere (a hook, a table of pointers) any
 * caller may run it, in a task of its own: then it is reported.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex		lock;
	struct file		*file;
	struct work_struct	flush_work;
	struct work_struct	drain_work;
	struct work_struct	sync_work;
};

/* An ops table: whoever calls through it may be a task. */
struct demo_dev_ops {
	void (*sync)(struct work_struct *work);
};

/* A task releases the file at once; a kernel thread leaves it to fput(). */
static void demo_release(struct file *file)
{
	if (!(current->flags & PF_KTHREAD)) {
		__fput_sync(file);
		return;
	}
	fput(file);
}

/* Only the workqueue runs this one. */
static void demo_drain_work(struct work_struct *work)
{
	struct demo_dev *dev = container_of(work, struct demo_dev, drain_work);

	mutex_lock(&dev->lock);
	demo_release(dev->file);
	mutex_unlock(&dev->lock);
}

static void demo_flush_work(struct work_struct *work)
{
	struct demo_dev *dev = container_of(work, struct demo_dev, flush_work);

	mutex_lock(&dev->lock);
	demo_release(dev->file);	/* expect: fput-sync-locked {{\(demo_release -> __fput_sync\)}} */
	mutex_unlock(&dev->lock);
}

/* ...but this one is also a hook anything may call. */
void (*demo_flush_hook)(struct work_struct *work) = demo_flush_work;

static void demo_sync_work(struct work_struct *work)
{
	struct demo_dev *dev = container_of(work, struct demo_dev, sync_work);

	mutex_lock(&dev->lock);
	demo_release(dev->file);	/* expect: fput-sync-locked {{\(demo_release -> __fput_sync\)}} */
	mutex_unlock(&dev->lock);
}

/* ...and this one is also an operation of a table. */
const struct demo_dev_ops demo_ops = {
	.sync	= demo_sync_work,
};

void demo_dev_init(struct demo_dev *dev)
{
	mutex_init(&dev->lock);
	INIT_WORK(&dev->flush_work, demo_flush_work);
	INIT_WORK(&dev->drain_work, demo_drain_work);
	INIT_WORK(&dev->sync_work, demo_sync_work);
}
