/*
 * drivers/md/dm.c shape: dm_put_table_device() holds table_devices_lock (a
 * mutex) and calls the static close_table_device(), which calls __fput_sync().
 */
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/bitops.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

#define DMF_DEFERRED_REMOVE 6

struct block_device;
struct dax_device;

struct gendisk {
	void *slave_dir;
};

struct dm_dev {
	struct block_device *bdev;
	struct file *bdev_file;
	struct dax_device *dax_dev;
	unsigned int mode;
	char name[16];
};

struct table_device {
	struct list_head list;
	refcount_t count;
	struct dm_dev dm_dev;
};

struct mapped_device {
	struct mutex table_devices_lock;
	struct list_head table_devices;
	unsigned long flags;
	struct gendisk *disk;
};

void bd_unlink_disk_holder(struct block_device *bdev, struct gendisk *disk);
void put_dax(struct dax_device *dax_dev);

/*
 * Close a table device that we've been using.
 */
static void close_table_device(struct table_device *td, struct mapped_device *md)
{
	if (md->disk->slave_dir)
		bd_unlink_disk_holder(td->dm_dev.bdev, md->disk);

	/* Leverage async fput() if DMF_DEFERRED_REMOVE set */
	if (unlikely(test_bit(DMF_DEFERRED_REMOVE, &md->flags)))
		fput(td->dm_dev.bdev_file);
	else
		__fput_sync(td->dm_dev.bdev_file);	/* note: {{close_table_device\(\) calls __fput_sync\(\)}} */

	put_dax(td->dm_dev.dax_dev);
	list_del(&td->list);
	kfree(td);
}

void dm_put_table_device(struct mapped_device *md, struct dm_dev *d)
{
	struct table_device *td = container_of(d, struct table_device, dm_dev);

	mutex_lock(&md->table_devices_lock);	/* note: {{mutex 'md->table_devices_lock' acquired here by mutex_lock\(\)}} */
	if (refcount_dec_and_test(&td->count))
		close_table_device(td, md);	/* expect: fput-sync-locked {{mutex 'md->table_devices_lock' held, only when dm_put_table_device\(\) drops the last reference \(close_table_device -> __fput_sync\)}} note: {{dm_put_table_device\(\) calls close_table_device\(\) when refcount_dec_and_test\(\) drops the last reference}} */
	mutex_unlock(&md->table_devices_lock);
}
