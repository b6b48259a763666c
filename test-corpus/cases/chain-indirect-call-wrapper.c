/*
 * A call through INDIRECT_CALL_2() is a call through the field it names.
 * With retpolines the macro copies the pointer into a local of a statement
 * expression and calls through that local when it is neither of the two
 * builtins, as net/socket.c calls a socket's operations:
 *
 *	INDIRECT_CALL_INET(sock->ops->recvmsg, inet6_recvmsg, inet_recvmsg,
 *			   sock, msg, msg_data_left(msg), flags);
 *
 * The socket may have any operations stored into the field, here a
 * protocol whose release closes a backing file synchronously. The same
 * holds for a plain `fn = ops->op; fn(x)` with fn never written again; a
 * local that is assigned again says nothing about which function it holds.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/indirect_call_wrapper.h>
#include <linux/mutex.h>

struct demo_sock;

struct demo_proto_ops {
	int (*release)(struct demo_sock *sock);
};

struct demo_sock {
	const struct demo_proto_ops *ops;
	struct file *backing;
	struct mutex lock;
};

int demo_inet_release(struct demo_sock *sock);
int demo_inet6_release(struct demo_sock *sock);

static int demo_tun_release(struct demo_sock *sock)
{
	__fput_sync(sock->backing);	/* note: {{demo_tun_release\(\) calls __fput_sync\(\)}} */
	return 0;
}

static const struct demo_proto_ops demo_tun_ops = {
	.release = demo_tun_release,
};

void demo_tun_attach(struct demo_sock *sock)
{
	sock->ops = &demo_tun_ops;
}

int demo_sock_release(struct demo_sock *sock)
{
	int ret;

	mutex_lock(&sock->lock);	/* note: {{mutex 'sock->lock' acquired here by mutex_lock\(\)}} */
	ret = INDIRECT_CALL_2(sock->ops->release, demo_inet6_release, demo_inet_release, sock);	/* expect: fput-sync-locked {{mutex 'sock->lock' held \(demo_tun_release -> __fput_sync\)}} note: {{demo_sock_release\(\) calls demo_tun_release\(\)}} */
	mutex_unlock(&sock->lock);
	return ret;
}

int demo_sock_shutdown(struct demo_sock *sock)
{
	int (*release)(struct demo_sock *) = sock->ops->release;
	int ret;

	mutex_lock(&sock->lock);	/* note: {{mutex 'sock->lock' acquired here by mutex_lock\(\)}} */
	ret = release(sock);	/* expect: fput-sync-locked {{mutex 'sock->lock' held \(demo_tun_release -> __fput_sync\)}} note: {{demo_sock_shutdown\(\) calls demo_tun_release\(\)}} */
	mutex_unlock(&sock->lock);
	return ret;
}

int demo_sock_release_or(struct demo_sock *sock,
			 int (*fallback)(struct demo_sock *))
{
	int (*release)(struct demo_sock *) = sock->ops->release;
	int ret;

	if (!release)
		release = fallback;
	mutex_lock(&sock->lock);
	ret = release(sock);
	mutex_unlock(&sock->lock);
	return ret;
}
