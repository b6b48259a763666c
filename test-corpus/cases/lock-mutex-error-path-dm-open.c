/*
 * drivers/md/dm.c shape: dm_get_table_device() holds table_devices_lock and
 * calls open_table_device(), whose error path drops the new file with
 * __fput_sync() -- reported at the call made under the mutex.
 */
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>

struct block_device {
	dev_t bd_dev;
};

struct gendisk {
	void *slave_dir;
};

struct dm_dev {
	struct block_device *bdev;
	struct file *bdev_file;
	unsigned int mode;
};

struct table_device {
	struct list_head list;
	refcount_t count;
	struct dm_dev dm_dev;
};

struct mapped_device {
	struct mutex table_devices_lock;
	struct list_head table_devices;
	struct gendisk *disk;
};

struct file *bdev_file_open_by_dev(dev_t dev, unsigned int mode, void *holder,
				   const void *hops);
struct block_device *file_bdev(struct file *bdev_file);
int bd_link_disk_holder(struct block_device *bdev, struct gendisk *disk);

static struct table_device *open_table_device(struct mapped_device *md,
					      dev_t dev, unsigned int mode)
{
	struct table_device *td;
	struct file *bdev_file;
	struct block_device *bdev;
	int r;

	td = kmalloc(sizeof(*td), GFP_KERNEL);
	if (!td)
		return ERR_PTR(-ENOMEM);
	refcount_set(&td->count, 1);

	bdev_file = bdev_file_open_by_dev(dev, mode, md, NULL);
	if (IS_ERR(bdev_file)) {
		r = PTR_ERR(bdev_file);
		goto out_free_td;
	}

	bdev = file_bdev(bdev_file);

	if (md->disk->slave_dir) {
		r = bd_link_disk_holder(bdev, md->disk);
		if (r)
			goto out_blkdev_put;
	}

	td->dm_dev.mode = mode;
	td->dm_dev.bdev = bdev;
	td->dm_dev.bdev_file = bdev_file;
	list_add(&td->list, &md->table_devices);
	return td;

out_blkdev_put:
	__fput_sync(bdev_file);	/* note: {{open_table_device\(\) calls __fput_sync\(\)}} */
out_free_td:
	kfree(td);
	return ERR_PTR(r);
}

static struct table_device *find_table_device(struct list_head *l, dev_t dev,
					      unsigned int mode)
{
	struct table_device *td;

	list_for_each_entry(td, l, list)
		if (td->dm_dev.bdev->bd_dev == dev && td->dm_dev.mode == mode)
			return td;

	return NULL;
}

int dm_get_table_device(struct mapped_device *md, dev_t dev, unsigned int mode,
			struct dm_dev **result)
{
	struct table_device *td;

	mutex_lock(&md->table_devices_lock);	/* note: {{mutex 'md->table_devices_lock' acquired here by mutex_lock\(\)}} */
	td = find_table_device(&md->table_devices, dev, mode);
	if (!td) {
		td = open_table_device(md, dev, mode);	/* expect: fput-sync-locked {{mutex 'md->table_devices_lock' held \(open_table_device -> __fput_sync\)}} */
		if (IS_ERR(td)) {
			mutex_unlock(&md->table_devices_lock);
			return PTR_ERR(td);
		}
	} else {
		refcount_inc(&td->count);
	}
	mutex_unlock(&md->table_devices_lock);

	*result = &td->dm_dev;
	return 0;
}
