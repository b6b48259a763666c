/*
 * nfsd3_create_file()'s shape: the directory handle is verified, then
 * verified again under the directory's lock. The second verify cannot
 * decode (the first filled fh_dentry), but is reported: see nfsfh.c. The
 * runner fails once it is not.
 */
#include <linux/fs.h>

#include "../chain-field-set-on-success/nfsfh.h"

__be32 nfsd3_create_file(struct inode *dir, struct svc_fh *fhp)
{
	__be32 status;

	status = fh_verify(fhp, S_IFDIR);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify(fhp, S_IFDIR);	/* xfail-fp: fput-sync-locked -- the first fh_verify() filled fh_dentry, but a failure path of nfsd_set_fh_dentry() returns nfserrno() */
	inode_unlock(dir);
	return status;
}
