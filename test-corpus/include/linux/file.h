/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wrapper functions for accessing the file_struct fd array.
 *
 * Mock of include/linux/file.h (Linux 6.12).  The synchronous fput variants
 * fputcheck looks for are all declared out of line:
 *
 *   __fput_sync()       Linux 6.12 (fs/file_table.c, EXPORT_SYMBOL)
 *   fput_close_sync()   Linux 6.15+ (fs/file_table.c)
 *   filp_close_sync()   linux/fs.h, next to filp_close()
 *   close_fd_sync()     linux/fdtable.h, next to close_fd()
 */
#ifndef __LINUX_FILE_H
#define __LINUX_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/cleanup.h>
#include <linux/err.h>

struct file;

extern void fput(struct file *);

struct file_operations;
struct task_struct;
struct vfsmount;
struct dentry;
struct inode;
struct path;
extern struct file *alloc_file_pseudo(struct inode *, struct vfsmount *,
	const char *, int flags, const struct file_operations *);

/* either a reference to struct file + flags
 * (cloned vs. borrowed, pos locked), with
 * flags stored in lower bits of value,
 * or empty (represented by 0).
 */
struct fd {
	unsigned long word;
};
#define FDPUT_FPUT       1
#define FDPUT_POS_UNLOCK 2

#define fd_file(f) ((struct file *)((f).word & ~(FDPUT_FPUT|FDPUT_POS_UNLOCK)))
static inline bool fd_empty(struct fd f)
{
	return unlikely(!f.word);
}

#define EMPTY_FD (struct fd){0}

static inline void fdput(struct fd fd)
{
	if (fd.word & FDPUT_FPUT)
		fput(fd_file(fd));
}

extern struct file *fget(unsigned int fd);
extern struct file *fget_raw(unsigned int fd);
extern struct file *fget_task(struct task_struct *task, unsigned int fd);

struct fd fdget(unsigned int fd);
struct fd fdget_raw(unsigned int fd);

DEFINE_CLASS(fd, struct fd, fdput(_T), fdget(fd), int fd)

extern int get_unused_fd_flags(unsigned flags);
extern void put_unused_fd(unsigned int fd);

DEFINE_FREE(fput, struct file *, if (!IS_ERR_OR_NULL(_T)) fput(_T))

extern void fd_install(unsigned int fd, struct file *file);

extern void flush_delayed_fput(void);
extern void __fput_sync(struct file *);

/* Linux 6.15+: drop a reference that is known to be the last one */
extern void fput_close_sync(struct file *);
extern void fput_close(struct file *);

#endif /* __LINUX_FILE_H */
