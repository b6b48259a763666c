/*
 * nfsd3_create_file()'s shape: the directory handle is verified, then
 * verified again under the directory's lock. The second fh_verify() cannot
 * decode: the first filled fh_dentry, since every failure path of
 * nfsd_set_fh_dentry() returns a nonzero status. The other verifies have
 * a failure path that returns success without the dentry (nfsfh.c), so
 * their second call may decode under the lock.
 */
#include <linux/fs.h>

#include "../chain-field-set-on-success/nfsfh.h"

__be32 fh_verify_or_null(struct svc_fh *fhp);
__be32 fh_verify_exist(struct svc_fh *fhp);
__be32 fh_verify_status(struct svc_fh *fhp);
__be32 fh_verify_access(struct svc_fh *fhp);

__be32 nfsd3_create_file(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify(fhp, S_IFDIR);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify(fhp, S_IFDIR);
	inode_unlock(dir);
	return status;
}

__be32 create_file_or_null(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify_or_null(fhp);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify_or_null(fhp);	/* expect: fput-sync-locked {{\(fh_verify_or_null -> set_fh_dentry_or_null -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return status;
}

__be32 create_file_exist(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify_exist(fhp);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify_exist(fhp);	/* expect: fput-sync-locked {{\(fh_verify_exist -> set_fh_dentry_exist -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return status;
}

__be32 create_file_status(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify_status(fhp);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify_status(fhp);	/* expect: fput-sync-locked {{\(fh_verify_status -> set_fh_dentry_status -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return status;
}

/* The handle is filled on every path of the verify that returns zero. */
__be32 create_file_access(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify_access(fhp);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify_access(fhp);
	inode_unlock(dir);
	return status;
}
