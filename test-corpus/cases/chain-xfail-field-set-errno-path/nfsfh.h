/*
 * The parts of fs/nfsd/nfsfh.h this case needs (as in
 * chain-field-set-on-success/), with nfserrno(), which maps an errno to a
 * status: nonzero for a nonzero errno, a fact about its values.
 */
#ifndef NFSFH_H
#define NFSFH_H

#include <linux/compiler_types.h>
#include <linux/fs.h>
#include <linux/types.h>

typedef unsigned int __be32;

#define cpu_to_be32(x)		((__force __be32)__builtin_bswap32(x))
#define nfs_ok			cpu_to_be32(0)
#define nfserr_stale		cpu_to_be32(70)
#define nfserr_badhandle	cpu_to_be32(10001)

struct dentry {
	struct inode		*d_inode;
};

struct svc_export {
	struct file		*ex_dir;
};

struct knfsd_fh {
	unsigned int		fh_size;
	int			fh_fileid_type;
};

struct svc_fh {
	struct knfsd_fh		fh_handle;
	int			fh_maxsize;
	struct dentry		*fh_dentry;
	struct svc_export	*fh_export;
};

static inline struct dentry *dget(struct dentry *dentry)
{
	return dentry;
}

void dput(struct dentry *dentry);

static inline struct svc_fh *fh_init(struct svc_fh *fhp, int maxsize)
{
	__builtin_memset(fhp, 0, sizeof(*fhp));
	fhp->fh_maxsize = maxsize;
	return fhp;
}

__be32 fh_verify(struct svc_fh *fhp, int type);
__be32 fh_compose(struct svc_fh *fhp, struct svc_export *exp,
		  struct dentry *dentry);
__be32 fh_update(struct svc_fh *fhp);
void fh_put(struct svc_fh *fhp);
__be32 nfserrno(int errno);

#endif
