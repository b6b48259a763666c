/*
 * complete_all() after the sync call wakes every waiter the same way.
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

struct swap_activate_ctx {
	struct file *swap_file;
	struct completion activated;
};

void swap_activate_fail(struct swap_activate_ctx *ctx)
{
	filp_close_sync(ctx->swap_file, NULL);	/* expect: fput-sync-before-complete {{filp_close_sync\(\) runs before complete_all\(\) at line 17;}} */
	ctx->swap_file = NULL;
	complete_all(&ctx->activated);	/* note: {{completion signalled here: complete_all\(\)}} */
}
