/*
 * net/sunrpc shapes: svc_delete_xprt() closes the backchannel transport
 * through xprt->ops->close, and xs_close() ends in xs_reset_transport()'s
 * __fput_sync().  One call through a struct field on a chain is followed;
 * a second one is a guess upon a guess (rules/calls.yaml:
 * max_indirect_calls): dput() -> d_op->d_iput -> ... -> ops->close is not
 * reported.
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct rpc_xprt;

struct rpc_xprt_ops {
	void (*close)(struct rpc_xprt *xprt);
};

struct rpc_xprt {
	const struct rpc_xprt_ops *ops;
	struct file *sock_file;
};

static void xs_reset_transport(struct rpc_xprt *xprt)
{
	__fput_sync(xprt->sock_file);	/* note: {{xs_reset_transport\(\) calls __fput_sync\(\)}} */
}

static void xs_close(struct rpc_xprt *xprt)
{
	xs_reset_transport(xprt);
}

static const struct rpc_xprt_ops xs_tcp_ops = {
	.close = xs_close,
};

struct svc_xprt {
	struct rpc_xprt *xpt_bc_xprt;
};

static DEFINE_MUTEX(svc_mutex);

void svc_delete_xprt(struct svc_xprt *xprt)
{
	mutex_lock(&svc_mutex);	/* note: {{mutex 'svc_mutex' acquired here by mutex_lock\(\)}} */
	if (xprt->xpt_bc_xprt)
		xprt->xpt_bc_xprt->ops->close(xprt->xpt_bc_xprt);	/* expect: fput-sync-locked {{mutex 'svc_mutex' held \(xs_close -> xs_reset_transport -> __fput_sync\)}} note: {{svc_delete_xprt\(\) calls xs_close\(\)}} */
	mutex_unlock(&svc_mutex);
}

void svc_xprt_setup(struct rpc_xprt *x)
{
	x->ops = &xs_tcp_ops;
}

/* fs/dcache.c + fs/nfs/dir.c shape: a second field call on the way. */
struct dentry;

struct dentry_operations {
	void (*d_iput)(struct dentry *dentry);
};

struct dentry {
	spinlock_t d_lock;
	const struct dentry_operations *d_op;
	struct rpc_xprt *d_fsdata;
};

static void nfs_dentry_iput(struct dentry *dentry)
{
	dentry->d_fsdata->ops->close(dentry->d_fsdata);
}

const struct dentry_operations nfs_dentry_operations = {
	.d_iput = nfs_dentry_iput,
};

void dentry_unlink_inode(struct dentry *dentry)
{
	spin_lock(&dentry->d_lock);
	if (dentry->d_op && dentry->d_op->d_iput)
		dentry->d_op->d_iput(dentry);
	spin_unlock(&dentry->d_lock);
}
