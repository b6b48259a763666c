/*
 * Negative: every function ever stored in blob_ops.drop only calls the
 * deferred fput(), so the indirect call under the spinlock is safe.
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

static void blob_drop_deferred(struct file *filp)
{
	fput(filp);
}

static void blob_drop_counted(struct file *filp)
{
	if (filp)
		fput(filp);
}

static const struct blob_ops blob_default_ops = {
	.drop = blob_drop_deferred,
};

static struct blob_ops blob_counted_ops;

void blob_store_init(struct blob_store *b, struct file *backing, bool counted)
{
	spin_lock_init(&b->lock);
	blob_counted_ops.drop = blob_drop_counted;
	b->ops = counted ? &blob_counted_ops : &blob_default_ops;
	b->backing = backing;
}

void blob_store_evict(struct blob_store *b)
{
	spin_lock(&b->lock);
	if (b->backing) {
		b->ops->drop(b->backing);
		b->backing = NULL;
	}
	spin_unlock(&b->lock);
}
