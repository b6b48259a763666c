/* Shared declarations of the two translation units of this case. */
#ifndef _LOOPBACK_CASE_H
#define _LOOPBACK_CASE_H

#include <linux/spinlock.h>
#include <linux/fs.h>

struct lo_device {
	spinlock_t lo_lock;
	struct file *lo_backing_file;
	unsigned int lo_state;
};

/* b.c */
void lo_release_backing(struct lo_device *lo);

#endif
