/*
 * fs/nfsd/nfsfh.c's shape: __fh_verify() decodes a handle only when nobody
 * has filled fh_dentry yet, and the decode may release a directory file
 * synchronously (exportfs's get_name()). fh_compose() fills fh_dentry and
 * returns zero, or puts the handle again and fails; nfsd_set_fh_dentry()
 * fills it exactly when it returns zero.
 */
#include <linux/file.h>

#include "nfsfh.h"

static struct dentry *decode_fh(struct svc_export *exp)
{
	__fput_sync(exp->ex_dir);	/* note: {{decode_fh\(\) calls __fput_sync\(\)}} */
	return NULL;
}

static __be32 nfsd_set_fh_dentry(struct svc_fh *fhp)
{
	struct svc_export *exp = fhp->fh_export;
	struct dentry *dentry;
	__be32 error = nfserr_badhandle;

	if (fhp->fh_handle.fh_size == 0)
		return nfserr_badhandle;
	dentry = decode_fh(exp);
	if (!dentry)
		goto out;
	fhp->fh_dentry = dentry;
	return 0;
out:
	return error;
}

static __be32 nfsd_mode_check(struct dentry *dentry, int type)
{
	return dentry->d_inode->i_mode == type ? nfs_ok : nfserr_stale;
}

static __be32 __fh_verify(struct svc_fh *fhp, int type)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = nfsd_set_fh_dentry(fhp);
		if (error)
			goto out;
	}
	error = nfsd_mode_check(fhp->fh_dentry, type);
out:
	return error;
}

__be32 fh_verify(struct svc_fh *fhp, int type)
{
	return __fh_verify(fhp, type);
}

static void _fh_update(struct svc_fh *fhp, struct dentry *dentry)
{
	fhp->fh_handle.fh_fileid_type = dentry->d_inode ? 1 : 0xff;
}

void fh_put(struct svc_fh *fhp)
{
	struct dentry *dentry = fhp->fh_dentry;

	if (dentry) {
		fhp->fh_dentry = NULL;
		dput(dentry);
	}
}

__be32 fh_compose(struct svc_fh *fhp, struct svc_export *exp,
		  struct dentry *dentry)
{
	fhp->fh_dentry = dget(dentry);
	fhp->fh_export = exp;
	_fh_update(fhp, dentry);
	if (fhp->fh_handle.fh_fileid_type == 0xff) {
		fh_put(fhp);
		return nfserr_stale;
	}
	return 0;
}

__be32 fh_update(struct svc_fh *fhp)
{
	if (!fhp->fh_dentry)
		return nfserr_stale;
	_fh_update(fhp, fhp->fh_dentry);
	return 0;
}
