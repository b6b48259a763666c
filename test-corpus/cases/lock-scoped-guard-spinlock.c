/*
 * scoped_guard(spinlock) holds the spinlock for its body; __fput_sync()
 * inside the body runs in atomic context.
 */
#include <linux/spinlock.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct uprobe_ctx {
	spinlock_t lock;
	struct file *exe_file;
	int refs;
};

void uprobe_ctx_put_exe(struct uprobe_ctx *ctx)
{
	scoped_guard(spinlock, &ctx->lock) {	/* note: {{acquired here}} */
		if (--ctx->refs == 0) {
			__fput_sync(ctx->exe_file);	/* expect: fput-sync-atomic */
			ctx->exe_file = NULL;
		}
	}
}
