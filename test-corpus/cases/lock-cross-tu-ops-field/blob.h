/* Shared declarations of the three translation units of this case. */
#ifndef _BLOB_CASE_H
#define _BLOB_CASE_H

#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/fs.h>

struct blob;

struct blob_ops {
	void (*release)(struct blob *b);
};

struct blob {
	spinlock_t slock;
	struct mutex mlock;
	const struct blob_ops *ops;
	struct file *backing;
};

/* provider.c */
extern const struct blob_ops blob_file_ops;
void blob_drop(struct blob *b);

/* helper.c */
void blob_close(struct blob *b);

#endif
