/* fputcheck-options: --assume-sync filp_close */
/*
 * fs/file.c replace_fd() shape: the lock is taken through a local set from
 * current->files and handed, through that local, to do_dup2(), which drops
 * it (__releases) before its filp_close(). Held lock and argument are
 * named through the local alike, so the release reaches the caller's lock
 * and the close runs without it.
 */
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>

static int demo_do_dup2(struct files_struct *files, struct file *tofree,
			unsigned int fd)
	__releases(&files->file_lock)
{
	spin_unlock(&files->file_lock);

	if (tofree)
		filp_close(tofree, files);
	return fd;
}

int demo_replace_fd(unsigned int fd, struct file *tofree)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	return demo_do_dup2(files, tofree, fd);
}

int demo_replace_fd_locked(unsigned int fd, struct file *tofree)
{
	struct files_struct *files = current->files;
	int ret;

	spin_lock(&files->file_lock);
	filp_close(tofree, files);	/* expect: fput-sync-atomic */
	ret = demo_do_dup2(files, NULL, fd);
	return ret;
}
