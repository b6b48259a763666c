/*
 * A driver's private header with inline helpers, as drivers/md/dm-core.h
 * or fs/nfsd/vfs.h have: the spinlock and the sync put each sit two inline
 * calls away from the .c file, and the ops table of hb.c stores an inline
 * from here. The extraction skips the bodies of header inlines a TU cannot
 * reach; these it reaches only through other header inlines.
 */
#ifndef _HB_CASE_H
#define _HB_CASE_H

#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct hb_ops {
	void (*release)(struct file *);
};

struct hb_dev {
	spinlock_t lock;
	struct file *backing;
	const struct hb_ops *ops;
};

static inline void __hb_lock(struct hb_dev *d)
{
	spin_lock(&d->lock);
}

static inline void hb_lock(struct hb_dev *d)
{
	__hb_lock(d);
}

static inline void hb_unlock(struct hb_dev *d)
{
	spin_unlock(&d->lock);
}

static inline void __hb_put_sync(struct file *f)
{
	__fput_sync(f);	/* note: {{__hb_put_sync\(\) calls __fput_sync\(\)}} */
}

static inline void hb_put_sync(struct file *f)
{
	__hb_put_sync(f);	/* note: {{hb_put_sync\(\) calls __hb_put_sync\(\)}} */
}

/* Reached only through the ops table of hb.c. */
static inline void hb_release_sync(struct file *f)
{
	hb_put_sync(f);	/* note: {{hb_release_sync\(\) calls hb_put_sync\(\)}} */
}

/* Reached from nowhere: its body is never parsed. */
static inline void hb_unused(struct hb_dev *d)
{
	hb_lock(d);
	hb_unlock(d);
}

#endif
