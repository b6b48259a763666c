/*
 * Known false negative: atomic_dec_and_lock() returns true with the
 * spinlock held (a conditional acquire that is not named *trylock).
 */
#include <linux/spinlock.h>
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
	__fput_sync(ctx->filp);	/* xfail: fput-sync-atomic -- atomic_dec_and_lock() is a conditional acquire the lock model does not know */
	spin_unlock(&open_ctx_lock);
	kfree(ctx);
}
