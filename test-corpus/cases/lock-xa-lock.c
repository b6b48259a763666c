/*
 * xa_lock() is spin_lock(&xa->xa_lock): the erase-and-release under it runs
 * in atomic context.
 */
#include <linux/xarray.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fd_cache {
	struct xarray files;
};

void fd_cache_evict(struct fd_cache *cache, unsigned long index)
{
	struct file *filp;

	xa_lock(&cache->files);	/* note: {{acquired here}} */
	filp = __xa_erase(&cache->files, index);
	if (filp)
		__fput_sync(filp);	/* expect: fput-sync-atomic */
	xa_unlock(&cache->files);
}
