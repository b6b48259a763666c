/*
 * Indirect call through an ops table: .drop = blob_drop_sync (designated
 * initializer) calls __fput_sync(); b->ops->drop() is called under a spinlock.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct blob_ops {
	void (*drop)(struct file *);
};

struct blob_store {
	spinlock_t lock;
	const struct blob_ops *ops;
	struct file *backing;
};

static void blob_drop_sync(struct file *filp)
{
	__fput_sync(filp);
}

static const struct blob_ops blob_sync_ops = {
	.drop = blob_drop_sync,
};

void blob_store_init(struct blob_store *b, struct file *backing)
{
	spin_lock_init(&b->lock);
	b->ops = &blob_sync_ops;
	b->backing = backing;
}

void blob_store_evict(struct blob_store *b)
{
	spin_lock(&b->lock);	/* note: {{acquired here}} */
	if (b->backing) {
		b->ops->drop(b->backing);	/* expect: fput-sync-atomic {{\(blob_drop_sync -> __fput_sync\)}} note: {{blob_store_evict\(\) calls blob_drop_sync\(\)}} */
		b->backing = NULL;
	}
	spin_unlock(&b->lock);
}
