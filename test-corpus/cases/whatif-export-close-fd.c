/*
 * What-if: with filp_close() assumed synchronous, an exported function
 * calling close_fd() (which ends in filp_close()) is reported.
 */
/* fputcheck-options: --assume-sync filp_close */
#include <linux/export.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/fs.h>

struct file *file_close_fd_locked(struct files_struct *files, unsigned fd);

/* close_fd() as in fs/file.c, without its own EXPORT_SYMBOL */
int close_fd(unsigned fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	spin_lock(&files->file_lock);
	file = file_close_fd_locked(files, fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;

	return filp_close(file, files);	/* note: {{close_fd\(\) calls filp_close\(\)}} */
}

struct umh_pipe_ctx {
	int stdin_fd;
	bool running;
};

void umh_pipe_ctx_close(struct umh_pipe_ctx *ctx)
{
	ctx->running = false;
	if (ctx->stdin_fd >= 0)
		close_fd(ctx->stdin_fd);	/* expect: fput-sync-export {{filp_close\(\) reachable from exported function umh_pipe_ctx_close\(\) \(close_fd -> filp_close\)}} */
	ctx->stdin_fd = -1;
}
EXPORT_SYMBOL_GPL(umh_pipe_ctx_close);	/* note: {{umh_pipe_ctx_close\(\) exported here by EXPORT_SYMBOL_GPL\(\)}} */
