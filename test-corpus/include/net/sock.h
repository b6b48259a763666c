/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Mock of include/net/sock.h (Linux 6.12), reduced: socket_lock_t, a
 * small struct sock, and the socket lock API: lock_sock() is the real
 * inline over the out-of-line lock_sock_nested(sk, 0) -- a sleeping,
 * mutex-like owner lock -- and release_sock() is out of line;
 * bh_lock_sock() is the spinlock variant for BH context.
 */
#ifndef _SOCK_H
#define _SOCK_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/refcount.h>
#include <linux/lockdep_types.h>

/*
 * This structure really needs to be cleaned up.
 * Most of it is for TCP, and not used by any of
 * the other protocols.
 */

/* This is the per-socket lock.  The spinlock provides a synchronization
 * between user contexts and software interrupt processing, whereas the
 * mini-semaphore synchronizes multiple users amongst themselves.
 */
typedef struct {
	spinlock_t		slock;
	int			owned;
	wait_queue_head_t	wq;
} socket_lock_t;

struct sock;
struct proto;
struct net;
struct socket;
struct file;

struct sock {
	socket_lock_t		sk_lock;
	refcount_t		sk_refcnt;
	unsigned short		sk_family;
	unsigned char		sk_state;
	int			sk_err;
	struct socket		*sk_socket;
	void			*sk_user_data;
	void			(*sk_data_ready)(struct sock *sk);
	void			(*sk_destruct)(struct sock *sk);
};

struct socket {
	short			state;
	short			type;
	unsigned long		flags;
	struct file		*file;
	struct sock		*sk;
};

void lock_sock_nested(struct sock *sk, int subclass);

static inline void lock_sock(struct sock *sk)
{
	lock_sock_nested(sk, 0);
}

void __lock_sock(struct sock *sk);
void __release_sock(struct sock *sk);
void release_sock(struct sock *sk);

/* BH context may only use the following locking interface. */
#define bh_lock_sock(__sk)	spin_lock(&((__sk)->sk_lock.slock))
#define bh_lock_sock_nested(__sk) \
				spin_lock_nested(&((__sk)->sk_lock.slock), \
				SINGLE_DEPTH_NESTING)
#define bh_unlock_sock(__sk)	spin_unlock(&((__sk)->sk_lock.slock))

static inline bool sock_owned_by_user(const struct sock *sk)
{
	return sk->sk_lock.owned;
}

#endif	/* _SOCK_H */
