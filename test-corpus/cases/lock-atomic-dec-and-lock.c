/*
 * atomic_dec_and_lock() and refcount_dec_and_mutex_lock() return true with
 * the lock (their second argument) held, only when the count reached zero:
 * conditional acquires named in rules/locks.yaml like the trylocks. The
 * early return is the path that does not hold it.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nfs_open_ctx {
	struct list_head node;
	atomic_t refs;
	struct file *filp;
};

static DEFINE_SPINLOCK(open_ctx_lock);

void put_nfs_open_ctx(struct nfs_open_ctx *ctx)
{
	if (!atomic_dec_and_lock(&ctx->refs, &open_ctx_lock))
		return;

	list_del(&ctx->node);
	__fput_sync(ctx->filp);	/* expect: fput-sync-atomic */
	spin_unlock(&open_ctx_lock);
	kfree(ctx);
}

struct demo_table_dev {
	refcount_t count;
	struct mutex *devices_lock;
	struct file *bdev_file;
};

void demo_put_table_dev(struct demo_table_dev *td, struct file *spare)
{
	if (!refcount_dec_and_mutex_lock(&td->count, td->devices_lock)) {
		__fput_sync(spare);
		return;
	}
	__fput_sync(td->bdev_file);	/* expect: fput-sync-locked */
	mutex_unlock(td->devices_lock);
}
