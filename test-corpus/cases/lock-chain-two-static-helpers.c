/*
 * The sync variant is two static helpers below the function that holds the
 * spinlock; reported at the first call made under the lock.
 */
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct snap_entry {
	struct list_head node;
	struct file *filp;
};

struct snap_table {
	spinlock_t lock;
	struct list_head entries;
	unsigned int nr_entries;
};

static void snap_entry_release_file(struct snap_entry *ent)
{
	if (ent->filp)
		__fput_sync(ent->filp);	/* note: {{snap_entry_release_file\(\) calls __fput_sync\(\)}} */
	ent->filp = NULL;
}

static void snap_entry_destroy(struct snap_table *tbl, struct snap_entry *ent)
{
	list_del(&ent->node);
	tbl->nr_entries--;
	snap_entry_release_file(ent);	/* note: {{snap_entry_destroy\(\) calls snap_entry_release_file\(\)}} */
	kfree(ent);
}

void snap_table_flush(struct snap_table *tbl)
{
	struct snap_entry *ent, *tmp;

	spin_lock(&tbl->lock);	/* note: {{acquired here}} */
	list_for_each_entry_safe(ent, tmp, &tbl->entries, node)
		snap_entry_destroy(tbl, ent);	/* expect: fput-sync-atomic {{\(snap_entry_destroy -> snap_entry_release_file -> __fput_sync\)}} */
	spin_unlock(&tbl->lock);
}
