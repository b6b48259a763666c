/*
 * The server side, as in net/sunrpc/svc_xprt.c: svc_delete_xprt() closes
 * the back channel under a mutex. Every object stored into xpt_bc_xprt has
 * bc_tcp_ops (sock.c), whose close is bc_close(): no xs_close(), no
 * finding. The peer's stores show no table, so its close may be any
 * rpc_xprt_ops.close, xs_close() among them.
 */
#include "xprt.h"

void svc_delete_xprt(struct svc_xprt *xprt)
{
	mutex_lock(&xprt->xpt_mutex);
	if (xprt->xpt_bc_xprt)
		xprt->xpt_bc_xprt->ops->close(xprt->xpt_bc_xprt);
	mutex_unlock(&xprt->xpt_mutex);
}

void svc_close_peer(struct svc_xprt *xprt)
{
	struct rpc_xprt *peer = xprt->xpt_peer;

	mutex_lock(&xprt->xpt_mutex);
	peer->ops->close(peer);	/* expect: fput-sync-locked {{mutex 'xprt->xpt_mutex' held \(xs_close -> __fput_sync\)}} */
	mutex_unlock(&xprt->xpt_mutex);
}
