/*
 * Lock wrapper, sync put and ops-table callback all defined as inlines in
 * the case's own header (hb.h), each reached only through another inline.
 */
#include "hb.h"

static const struct hb_ops hb_sync_ops = {
	.release = hb_release_sync,
};

void hb_init(struct hb_dev *d, struct file *backing)
{
	spin_lock_init(&d->lock);
	d->ops = &hb_sync_ops;
	d->backing = backing;
}

void hb_drop(struct hb_dev *d)
{
	hb_lock(d);	/* note: {{acquired here}} */
	if (d->backing)
		hb_put_sync(d->backing);	/* expect: fput-sync-atomic {{\(hb_put_sync -> __hb_put_sync -> __fput_sync\)}} */
	d->backing = NULL;
	hb_unlock(d);
}

void hb_evict(struct hb_dev *d)
{
	spin_lock(&d->lock);	/* note: {{acquired here}} */
	if (d->backing)
		d->ops->release(d->backing);	/* expect: fput-sync-atomic {{\(hb_release_sync -> hb_put_sync -> __hb_put_sync -> __fput_sync\)}} */
	spin_unlock(&d->lock);
}
