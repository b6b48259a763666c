/*
 * fs/nfsd/vfs.c's nfserrno() (Linux 6.12): a table maps errnos to NFS
 * statuses, and only errno 0 maps to nfs_ok, so a nonzero errno never
 * gives success. nfserrno_exist() is the same lookup with a table that
 * also counts -EEXIST as success.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "../chain-field-set-on-success/nfsfh.h"

#define nfserr_perm		cpu_to_be32(1)
#define nfserr_noent		cpu_to_be32(2)
#define nfserr_io		cpu_to_be32(5)
#define nfserr_exist		cpu_to_be32(17)
#define nfserr_jukebox		cpu_to_be32(10008)

__be32 nfserrno(int errno)
{
	static struct {
		__be32	nfserr;
		int	syserr;
	} nfs_errtbl[] = {
		{ nfs_ok, 0 },
		{ nfserr_perm, -EPERM },
		{ nfserr_noent, -ENOENT },
		{ nfserr_io, -EIO },
		{ nfserr_exist, -EEXIST },
		{ nfserr_stale, -ESTALE },
		{ nfserr_jukebox, -ENOMEM },
	};
	int	i;

	for (i = 0; i < ARRAY_SIZE(nfs_errtbl); i++) {
		if (nfs_errtbl[i].syserr == errno)
			return nfs_errtbl[i].nfserr;
	}
	WARN_ONCE(1, "nfsd: non-standard errno: %d\n", errno);
	return nfserr_io;
}

__be32 nfserrno_exist(int errno)
{
	static const struct {
		__be32	nfserr;
		int	syserr;
	} exist_errtbl[] = {
		{ nfs_ok, 0 },
		{ nfs_ok, -EEXIST },
		{ nfserr_stale, -ESTALE },
	};
	int	i;

	for (i = 0; i < ARRAY_SIZE(exist_errtbl); i++) {
		if (exist_errtbl[i].syserr == errno)
			return exist_errtbl[i].nfserr;
	}
	return nfserr_io;
}

/* Success for any request on an export that has a directory. */
__be32 nfsd_check_access(struct svc_export *exp, int may)
{
	return exp->ex_dir ? nfs_ok : nfserr_stale;
}
