/*
 * What-if negative, fs/file.c close_fd() shape: file_lock is dropped before
 * filp_close(), so even a synchronous filp_close() would be fine here.
 */
/* fputcheck-options: --assume-sync filp_close */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/fs.h>

struct file *file_close_fd_locked(struct files_struct *files, unsigned fd);

/* EXPORT_SYMBOL(close_fd) left out: this case is about the lock only */
int close_fd(unsigned fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	spin_lock(&files->file_lock);
	file = file_close_fd_locked(files, fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;

	return filp_close(file, files);
}
