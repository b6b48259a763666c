/*
 * Negative: the exported function only uses the deferred fput(), which is
 * safe from any caller.
 */
#include <linux/export.h>
#include <linux/file.h>
#include <linux/fs.h>

struct dma_buf_attachment_ctx {
	struct file *file;
};

static void dma_buf_ctx_put(struct dma_buf_attachment_ctx *ctx)
{
	if (ctx->file)
		fput(ctx->file);
	ctx->file = NULL;
}

void dma_buf_ctx_detach(struct dma_buf_attachment_ctx *ctx)
{
	dma_buf_ctx_put(ctx);
}
EXPORT_SYMBOL_GPL(dma_buf_ctx_detach);

void dma_buf_ctx_release(struct dma_buf_attachment_ctx *ctx)
{
	fput(ctx->file);
}
EXPORT_SYMBOL(dma_buf_ctx_release);
