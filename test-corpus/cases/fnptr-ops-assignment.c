/*
 * Indirect call through an ops field filled by assignment
 * (ops.drop = blob_drop_sync) at init time, called under a mutex.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct blob_ops {
	void (*drop)(struct file *);
};

struct blob_store {
	struct mutex lock;
	struct blob_ops ops;
	struct file *backing;
};

static void blob_drop_sync(struct file *filp)
{
	__fput_sync(filp);
}

void blob_store_init(struct blob_store *b, struct file *backing)
{
	mutex_init(&b->lock);
	b->ops.drop = blob_drop_sync;
	b->backing = backing;
}

void blob_store_evict(struct blob_store *b)
{
	mutex_lock(&b->lock);	/* note: {{mutex 'b->lock' acquired here by mutex_lock\(\)}} */
	if (b->backing) {
		b->ops.drop(b->backing);	/* expect: fput-sync-locked {{mutex 'b->lock' held \(blob_drop_sync -> __fput_sync\)}} note: {{blob_store_evict\(\) calls blob_drop_sync\(\)}} */
		b->backing = NULL;
	}
	mutex_unlock(&b->lock);
}
