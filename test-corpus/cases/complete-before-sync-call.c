/*
 * Negative: complete() runs before the sync call; nothing the waiter does
 * after waking can race with this __fput_sync().
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nbd_recv_ctx {
	struct file *sock_file;
	struct completion recv_done;
};

void nbd_recv_ctx_finish(struct nbd_recv_ctx *ctx)
{
	struct file *sock_file = ctx->sock_file;

	ctx->sock_file = NULL;
	complete(&ctx->recv_done);
	__fput_sync(sock_file);
}
