/*
 * nfsd3_create_file()'s shape: the directory handle is verified, then
 * verified again under the directory's lock. The second verify cannot
 * decode (the first filled fh_dentry), but is reported: see nfsfh.c.
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
	status = fh_verify(fhp, S_IFDIR);	/* expect: fput-sync-locked {{\(fh_verify -> nfsd_set_fh_dentry -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return status;
}
