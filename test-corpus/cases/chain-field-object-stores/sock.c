/*
 * The transports, as in net/sunrpc/xprtsock.c: a forward channel whose
 * close releases its socket file synchronously, and a back channel whose
 * close has nothing to release. Only back channels are ever stored into
 * svc_xprt.xpt_bc_xprt, and each store shows its table (the ops assigned
 * a few lines above it); svc_xprt.xpt_peer gets whatever a caller hands in.
 */
#include "xprt.h"
#include <linux/file.h>

static void xs_close(struct rpc_xprt *xprt)
{
	__fput_sync(xprt->sock_file);	/* note: {{xs_close\(\) calls __fput_sync\(\)}} */
}

static void bc_close(struct rpc_xprt *xprt)
{
}

static const struct rpc_xprt_ops xs_tcp_ops = {
	.close = xs_close,
};

static const struct rpc_xprt_ops bc_tcp_ops = {
	.close = bc_close,
};

struct rpc_xprt *xs_setup_tcp(void)
{
	struct rpc_xprt *xprt = xprt_alloc();

	if (!xprt)
		return NULL;
	xprt->ops = &xs_tcp_ops;
	return xprt;
}

struct rpc_xprt *xs_setup_bc_tcp(struct xprt_create *args)
{
	struct rpc_xprt *xprt;

	xprt = xprt_alloc();
	if (!xprt)
		return NULL;
	xprt->ops = &bc_tcp_ops;
	xprt_get(xprt);
	args->bc_xprt->xpt_bc_xprt = xprt;
	return xprt;
}

void xs_destroy_bc(struct xprt_create *args)
{
	args->bc_xprt->xpt_bc_xprt = NULL;
}

void svc_set_peer(struct svc_xprt *svc, struct rpc_xprt *xprt)
{
	WRITE_ONCE(svc->xpt_peer, xprt);
}
