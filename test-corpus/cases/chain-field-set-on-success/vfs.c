/*
 * The callers, as in fs/nfsd/nfs3proc.c, vfs.c and fs/nfsd/lockd.c: under
 * the parent directory's lock, a handle that was just verified or composed
 * (and the result checked) is verified again without a decode. A handle
 * whose compose went unchecked, that was put since, or that is fresh from
 * fh_init() is decoded, and the decode's synchronous release runs under
 * the lock.
 */
#include <linux/fs.h>

#include "nfsfh.h"

static __be32 nfsd_setattr(struct svc_fh *fhp)
{
	return fh_verify(fhp, 0);
}

static __be32 nfsd_create_setattr(struct svc_fh *resfhp)
{
	return nfsd_setattr(resfhp);
}

__be32 nfsd3_create_file(struct inode *dir, struct svc_fh *fhp,
			 struct svc_fh *resfhp, struct dentry *child)
{
	__be32 status;

	status = fh_verify(fhp, S_IFDIR);
	if (status != nfs_ok)
		return status;
	inode_lock(dir);
	status = fh_verify(fhp, S_IFDIR);
	if (status != nfs_ok)
		goto out;
	status = fh_compose(resfhp, fhp->fh_export, child);
	if (status != nfs_ok)
		goto out;
	status = nfsd_create_setattr(resfhp);
out:
	inode_unlock(dir);
	return status;
}

static __be32 nfsd_create_locked(struct svc_fh *resfhp, struct dentry *d,
				 int isdir)
{
	__be32 err;

	if (isdir) {
		dput(resfhp->fh_dentry);
		resfhp->fh_dentry = dget(d);
		err = fh_update(resfhp);
		if (err)
			goto out;
	}
	err = nfsd_create_setattr(resfhp);
out:
	return err;
}

__be32 nfsd_create(struct inode *dir, struct svc_fh *fhp,
		   struct svc_fh *resfhp, struct dentry *dchild, int isdir)
{
	__be32 err;

	inode_lock(dir);
	err = fh_compose(resfhp, fhp->fh_export, dchild);
	dput(dchild);
	if (err)
		goto out_unlock;
	err = nfsd_create_locked(resfhp, dchild, isdir);
out_unlock:
	inode_unlock(dir);
	return err;
}

/* Handed to a function that only reads it: still composed. */
void trace_nfsd_fh(const struct svc_fh *fhp);

__be32 nfsd_create_traced(struct inode *dir, struct svc_fh *fhp,
			  struct svc_fh *resfhp, struct dentry *dchild)
{
	__be32 err;

	inode_lock(dir);
	err = fh_compose(resfhp, fhp->fh_export, dchild);
	if (err)
		goto out;
	trace_nfsd_fh(resfhp);
	err = nfsd_create_setattr(resfhp);
out:
	inode_unlock(dir);
	return err;
}

/* Handed to a function no TU defines: it may have put the handle. */
void nfsd_fh_hand_off(struct svc_fh *fhp);

__be32 nfsd_create_handed_off(struct inode *dir, struct svc_fh *fhp,
			      struct svc_fh *resfhp, struct dentry *dchild)
{
	__be32 err;

	inode_lock(dir);
	err = fh_compose(resfhp, fhp->fh_export, dchild);
	if (err)
		goto out;
	nfsd_fh_hand_off(resfhp);
	err = nfsd_create_setattr(resfhp);	/* expect: fput-sync-locked {{\(nfsd_create_setattr -> nfsd_setattr -> fh_verify -> __fh_verify -> nfsd_set_fh_dentry -> decode_fh -> __fput_sync\)}} */
out:
	inode_unlock(dir);
	return err;
}

__be32 nfsd_symlink(struct inode *dir, struct svc_fh *fhp,
		    struct svc_fh *resfhp, struct dentry *dnew)
{
	__be32 err;

	inode_lock(dir);	/* note: {{rw_semaphore 'dir->i_rwsem' acquired here}} */
	fh_compose(resfhp, fhp->fh_export, dnew);
	err = nfsd_create_setattr(resfhp);	/* expect: fput-sync-locked {{'dir->i_rwsem' held \(nfsd_create_setattr -> nfsd_setattr -> fh_verify -> __fh_verify -> nfsd_set_fh_dentry -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return err;
}

__be32 nfsd_recompose(struct inode *dir, struct svc_fh *fhp,
		      struct svc_fh *resfhp, struct dentry *dnew)
{
	__be32 err;

	inode_lock(dir);
	err = fh_compose(resfhp, fhp->fh_export, dnew);
	if (err)
		goto out;
	fh_put(resfhp);
	err = fh_verify(resfhp, 0);	/* expect: fput-sync-locked {{\(fh_verify -> __fh_verify -> nfsd_set_fh_dentry -> decode_fh -> __fput_sync\)}} */
out:
	inode_unlock(dir);
	return err;
}

__be32 nlm_fopen(struct inode *dir, struct svc_export *exp)
{
	struct svc_fh fh;
	__be32 err;

	inode_lock(dir);
	fh_init(&fh, 64);
	fh.fh_export = exp;
	err = fh_verify(&fh, 0);	/* expect: fput-sync-locked {{\(fh_verify -> __fh_verify -> nfsd_set_fh_dentry -> decode_fh -> __fput_sync\)}} */
	inode_unlock(dir);
	return err;
}
