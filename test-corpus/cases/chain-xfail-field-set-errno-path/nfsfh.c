/*
 * Known false positive: nfsd_set_fh_dentry() fills fh_dentry on every path
 * that returns zero, but one failure path returns nfserrno() of a nonzero
 * errno. Nothing here knows that value is nonzero, so that path may return
 * zero without the dentry, nothing is known set when the function
 * succeeds, and neither is anything when fh_verify() does. proc.c's second
 * verify under the lock is then reported, although the first one filled
 * the handle (fs/nfsd/nfsfh.c in Linux 6.12; docs/checks.md, "Known
 * limitations"). Knowing callees' return values (Smatch's return states)
 * would lift it, and proc.c's xfail-fp would then fail.
 */
#include <linux/err.h>
#include <linux/file.h>

#include "../chain-field-set-on-success/nfsfh.h"

/* fs/nfsd/vfs.c: an errno as a status, nfs_ok for 0 and never for another. */
__be32 nfserrno(int errno);

static struct dentry *decode_fh(struct svc_export *exp)
{
	__fput_sync(exp->ex_dir);
	return ERR_PTR(-ESTALE);
}

static __be32 nfsd_set_fh_dentry(struct svc_fh *fhp)
{
	struct dentry *dentry;
	__be32 error = nfserr_badhandle;

	dentry = decode_fh(fhp->fh_export);
	if (IS_ERR(dentry)) {
		if (PTR_ERR(dentry) != -EINVAL)
			error = nfserrno(PTR_ERR(dentry));
		goto out;
	}
	fhp->fh_dentry = dentry;
	return 0;
out:
	return error;
}

__be32 fh_verify(struct svc_fh *fhp, int type)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = nfsd_set_fh_dentry(fhp);
		if (error)
			return error;
	}
	return fhp->fh_dentry->d_inode->i_mode == type ? nfs_ok : nfserr_stale;
}
