/*
 * fs/nfsd/nfsfh.c's nfsd_set_fh_dentry() (Linux 6.12): it fills fh_dentry
 * on every path that returns zero. Its failure paths return a status made
 * by nfserrno() (errno.c) from a nonzero errno: PTR_ERR() of a pointer
 * IS_ERR() accepted, narrowed to an int, or -ENOMEM. So fh_verify()
 * returning zero means the handle is filled, and proc.c's second verify
 * under the lock does not decode.
 *
 * The other verifies differ in one step each, and each step lets a failure
 * path return zero without the dentry: IS_ERR_OR_NULL() also accepts NULL,
 * whose PTR_ERR() is 0; nfserrno_exist() maps -EEXIST to success; and a
 * status handed to a callee by address may come back zero.
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>

#include "../chain-field-set-on-success/nfsfh.h"

__be32 nfserrno(int errno);
__be32 nfserrno_exist(int errno);

struct svc_export *rqst_exp_find(struct knfsd_fh *fh);
struct dentry *exportfs_decode_fh_raw(struct svc_export *exp, int fileid_type);

static struct dentry *decode_fh(struct svc_export *exp)
{
	__fput_sync(exp->ex_dir);
	return ERR_PTR(-ESTALE);
}

static __be32 nfsd_set_fh_dentry(struct svc_fh *fhp)
{
	struct knfsd_fh *fh = &fhp->fh_handle;
	struct svc_export *exp;
	struct dentry *dentry;
	struct cred *new;
	__be32 error;

	exp = rqst_exp_find(fh);
	error = nfserr_stale;
	if (IS_ERR(exp)) {
		if (PTR_ERR(exp) == -ENOENT)
			return error;
		return nfserrno(PTR_ERR(exp));
	}
	new = prepare_creds();
	if (!new) {
		error = nfserrno(-ENOMEM);
		goto out;
	}
	abort_creds(new);

	error = nfserr_badhandle;
	dentry = decode_fh(exp);
	if (IS_ERR_OR_NULL(dentry)) {
		switch (PTR_ERR(dentry)) {
		case -ENOMEM:
			break;
		default:
			dentry = ERR_PTR(-ESTALE);
		}
	}
	if (dentry == NULL)
		goto out;
	if (IS_ERR(dentry)) {
		if (PTR_ERR(dentry) != -EINVAL)
			error = nfserrno(PTR_ERR(dentry));
		goto out;
	}
	fhp->fh_dentry = dentry;
	fhp->fh_export = exp;
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

static __be32 set_fh_dentry_or_null(struct svc_fh *fhp)
{
	struct svc_export *exp = rqst_exp_find(&fhp->fh_handle);

	if (IS_ERR_OR_NULL(exp))
		return nfserrno(PTR_ERR(exp));
	fhp->fh_dentry = decode_fh(exp);
	return 0;
}

__be32 fh_verify_or_null(struct svc_fh *fhp)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = set_fh_dentry_or_null(fhp);
		if (error)
			return error;
	}
	return nfs_ok;
}

static __be32 set_fh_dentry_exist(struct svc_fh *fhp)
{
	struct svc_export *exp = rqst_exp_find(&fhp->fh_handle);

	if (IS_ERR(exp))
		return nfserrno_exist(PTR_ERR(exp));
	fhp->fh_dentry = decode_fh(exp);
	return 0;
}

__be32 fh_verify_exist(struct svc_fh *fhp)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = set_fh_dentry_exist(fhp);
		if (error)
			return error;
	}
	return nfs_ok;
}

/*
 * The same double verify in the file that defines the decode: an editor
 * open on this file reads nfserrno()'s range from the store (errno.c is
 * another file), and must rule the second verify out as the whole
 * program does.
 */
__be32 fh_verify_parent(struct inode *dir, struct svc_fh *fhp)
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

/*
 * A status a callee may rewrite through its address: `error` was nonzero
 * when set, but lookup_status() may have cleared it, so the failure path
 * may return success without the dentry.
 */
void lookup_status(__be32 *status);

static __be32 set_fh_dentry_status(struct svc_fh *fhp)
{
	struct svc_export *exp = rqst_exp_find(&fhp->fh_handle);
	__be32 error = nfserr_stale;

	lookup_status(&error);
	if (IS_ERR(exp))
		goto out;
	fhp->fh_dentry = decode_fh(exp);
	return 0;
out:
	return error;
}

__be32 fh_verify_status(struct svc_fh *fhp)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = set_fh_dentry_status(fhp);
		if (error)
			return error;
	}
	return nfs_ok;
}

/*
 * A return whose status is another function's: nfsd_check_access() is
 * given a nonzero argument but may still return nfs_ok. The dentry is set
 * on that path, so whenever this returns zero the handle is filled.
 */
__be32 nfsd_check_access(struct svc_export *exp, int may);

static __be32 set_fh_dentry_access(struct svc_fh *fhp)
{
	struct svc_export *exp = rqst_exp_find(&fhp->fh_handle);

	if (IS_ERR(exp))
		return nfserrno(PTR_ERR(exp));
	fhp->fh_dentry = decode_fh(exp);
	return nfsd_check_access(exp, S_IFDIR);
}

__be32 fh_verify_access(struct svc_fh *fhp)
{
	__be32 error;

	if (!fhp->fh_dentry) {
		error = set_fh_dentry_access(fhp);
		if (error)
			return error;
	}
	return nfs_ok;
}
