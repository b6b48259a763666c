/*
 * lock_sock() (inline over lock_sock_nested(sk, 0)) is a sleeping owner
 * lock: a sync fput under it is reported as locked.
 */
#include <net/sock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct kcm_psock {
	struct sock *sk;
	struct file *attached;
};

void kcm_psock_unattach(struct kcm_psock *psock)
{
	struct sock *sk = psock->sk;

	lock_sock(sk);	/* note: {{socket lock 'sk' acquired here}} */
	sk->sk_user_data = NULL;
	if (psock->attached) {
		__fput_sync(psock->attached);	/* expect: fput-sync-locked {{socket lock 'sk' held}} */
		psock->attached = NULL;
	}
	release_sock(sk);
}
