/*
 * Shared declarations of this case's two translation units: a transport
 * and the server endpoint that holds its back channel, shaped like
 * include/linux/sunrpc/xprt.h and svc_xprt.h.
 */
#ifndef _XPRT_CASE_H
#define _XPRT_CASE_H

#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/fs.h>

struct rpc_xprt;

struct rpc_xprt_ops {
	void (*close)(struct rpc_xprt *xprt);
};

struct rpc_xprt {
	const struct rpc_xprt_ops *ops;
	struct file *sock_file;
};

struct svc_xprt {
	struct mutex xpt_mutex;
	struct rpc_xprt *xpt_bc_xprt;	/* back channels only */
	struct rpc_xprt *xpt_peer;	/* whatever transport a caller hands in */
};

struct xprt_create {
	struct svc_xprt *bc_xprt;
};

struct rpc_xprt *xprt_alloc(void);
void xprt_get(struct rpc_xprt *xprt);

/* sock.c */
struct rpc_xprt *xs_setup_tcp(void);
struct rpc_xprt *xs_setup_bc_tcp(struct xprt_create *args);
void xs_destroy_bc(struct xprt_create *args);
void svc_set_peer(struct svc_xprt *svc, struct rpc_xprt *xprt);

#endif
