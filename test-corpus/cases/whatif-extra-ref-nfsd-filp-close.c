/* fputcheck-options: --assume-sync filp_close */
/*
 * fs/nfsd/vfs.c nfsd_filp_close(): get_file() takes a second reference
 * first, so filp_close() cannot drop the last one even if it were
 * synchronous; the __fput_sync() after it is the final release, and the
 * chain from the mutex holder goes there, not through filp_close().
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nfsd_file {
	struct file	*nf_file;
};

struct nfsd_fcache {
	struct mutex	lock;
	struct file	*spare;
};

void nfsd_filp_close(struct file *fp)
{
	get_file(fp);
	filp_close(fp, NULL);
	__fput_sync(fp);	/* note: {{nfsd_filp_close\(\) calls __fput_sync\(\)}} */
}

void nfsd_file_free(struct nfsd_fcache *c, struct nfsd_file *nf)
{
	mutex_lock(&c->lock);	/* note: {{mutex 'c->lock' acquired here by mutex_lock\(\)}} */
	nfsd_filp_close(nf->nf_file);	/* expect: fput-sync-locked {{mutex 'c->lock' held \(nfsd_filp_close -> __fput_sync\)}} */
	mutex_unlock(&c->lock);
}

/* The extra reference is dropped by fput(), which defers: nothing is final. */
void nfsd_fcache_drop_spare(struct nfsd_fcache *c)
{
	struct file *f;

	mutex_lock(&c->lock);
	f = c->spare;
	c->spare = NULL;
	if (f) {
		get_file(f);
		filp_close(f, NULL);
		fput(f);
	}
	mutex_unlock(&c->lock);
}
