/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/fs.h (Linux 6.12), reduced to struct file, the
 * file_operations the corpus uses, and the filp_*() close helpers.
 *
 * filp_close_sync() does not exist in Linux 6.12; it is declared here as
 * one of the synchronous-fput variants fputcheck looks for (see file.h).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/err.h>
#include <linux/cleanup.h>

struct inode;
struct dentry;
struct vfsmount;
struct module;
struct file;
struct file_lock;
struct poll_table_struct;
struct vm_area_struct;

typedef void *fl_owner_t;
typedef unsigned int __poll_t;

#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_APPEND	00002000
#define O_LARGEFILE	00100000
#define O_CLOEXEC	02000000

#define FMODE_READ		((__force fmode_t)(1 << 0))
#define FMODE_WRITE		((__force fmode_t)(1 << 1))

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct inode {
	umode_t			i_mode;
	unsigned int		i_flags;
	unsigned long		i_ino;
	loff_t			i_size;
	unsigned long		i_state;
	struct rw_semaphore	i_rwsem;
	spinlock_t		i_lock;	/* i_blocks, i_bytes, maybe i_size */
	void			*i_private; /* fs or device private pointer */
};

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

#define S_IFMT  00170000
#define S_IFREG  0100000
#define S_IFDIR  0040000
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)

/**
 * struct file - Represents a file
 * @f_count: reference count
 * @f_lock: Protects f_ep, f_flags. Must not be taken from IRQ context.
 * @f_mode: FMODE_* flags often used in hotpaths
 * @f_op: file operations
 * @private_data: filesystem or driver specific data
 * @f_inode: cached inode
 * @f_flags: file flags
 * @f_path: path of the file
 * @f_pos_lock: lock protecting file position
 * @f_pos: file position
 * @f_task_work: task work entry point
 */
struct file {
	atomic_long_t			f_count;
	spinlock_t			f_lock;
	fmode_t				f_mode;
	const struct file_operations	*f_op;
	void				*private_data;
	struct inode			*f_inode;
	unsigned int			f_flags;
	struct path			f_path;
	struct mutex			f_pos_lock;
	loff_t				f_pos;
	union {
		struct callback_head	f_task_work;
		struct list_head	f_llist;
	};
} __randomize_layout
  __attribute__((aligned(4)));	/* lest something weird decides that 2 is OK */

struct file_operations {
	struct module *owner;
	loff_t (*llseek) (struct file *, loff_t, int);
	ssize_t (*read) (struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write) (struct file *, const char __user *, size_t, loff_t *);
	__poll_t (*poll) (struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl) (struct file *, unsigned int, unsigned long);
	int (*mmap) (struct file *, struct vm_area_struct *);
	int (*open) (struct inode *, struct file *);
	int (*flush) (struct file *, fl_owner_t id);
	int (*release) (struct inode *, struct file *);
	int (*fsync) (struct file *, loff_t, loff_t, int datasync);
} __randomize_layout;

static inline struct file *get_file(struct file *f)
{
	long prior = atomic_long_fetch_inc_relaxed(&f->f_count);
	WARN_ONCE(!prior, "struct file::f_count incremented from zero; use-after-free condition present!\n");
	return f;
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

extern struct file *filp_open(const char *, int, umode_t);
extern struct file *file_open_root(const struct path *,
				   const char *, int, umode_t);
extern int filp_flush(struct file *filp, fl_owner_t id);
extern int filp_close(struct file *, fl_owner_t id);
/* synchronous variant of filp_close(): the final fput runs __fput() now */
extern int filp_close_sync(struct file *, fl_owner_t id);

extern int vfs_fsync(struct file *file, int datasync);
extern ssize_t kernel_write(struct file *, const void *, size_t, loff_t *);
extern ssize_t kernel_read(struct file *, void *, size_t, loff_t *);

#endif /* _LINUX_FS_H */
