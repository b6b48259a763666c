/*
 * Negative: the file is detached inside scoped_guard(spinlock); the
 * spinlock is released when the block ends, before __fput_sync().
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
	struct file *exe = NULL;

	scoped_guard(spinlock, &ctx->lock) {
		if (--ctx->refs == 0) {
			exe = ctx->exe_file;
			ctx->exe_file = NULL;
		}
	}

	if (exe)
		__fput_sync(exe);
}
