/*
 * include/linux/fs.h inode_lock() (see the mock) is an inline over
 * down_write(&inode->i_rwsem).  The caller then takes and drops
 * inode->i_lock, a member of the same inode: that release must not drop
 * the i_rwsem the wrapper took, so the sync fput after it is still under
 * the inode lock.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

void inode_detach_file(struct inode *inode, struct file *file)
{
	inode_lock(inode);	/* note: {{rw_semaphore 'inode->i_rwsem' acquired here}} */
	spin_lock(&inode->i_lock);
	inode->i_state = 0;
	spin_unlock(&inode->i_lock);
	__fput_sync(file);	/* expect: fput-sync-locked {{rw_semaphore 'inode->i_rwsem' held}} */
	inode_unlock(inode);
}

void inode_release_file(struct inode *inode, struct file *file)
{
	inode_lock(inode);
	inode->i_state = 0;
	inode_unlock(inode);
	__fput_sync(file);
}
