/*
 * local_bh_disable() ... local_bh_enable(): softirqs off, preempt count
 * raised; __fput_sync() must not run here.
 */
#include <linux/bottom_half.h>
#include <linux/file.h>
#include <linux/fs.h>

struct xsk_pool {
	struct file *umem_file;
	unsigned int users;
};

void xsk_pool_release(struct xsk_pool *pool)
{
	local_bh_disable();	/* note: {{bottom halves disabled \(local_bh_disable\(\)\) from here}} */
	if (--pool->users == 0)
		__fput_sync(pool->umem_file);	/* expect: fput-sync-atomic {{reached with bottom halves disabled \(local_bh_disable\(\)\)}} */
	local_bh_enable();
}
