/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/sched/signal.h (Linux 6.12), reduced: the
 * sighand_struct with its siglock and the signal_struct with its
 * cred_guard_mutex, each a member of current.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/refcount.h>

struct sighand_struct {
	spinlock_t		siglock;
	refcount_t		count;
};

struct signal_struct {
	refcount_t		sigcnt;
	int			nr_threads;

	struct mutex cred_guard_mutex;	/* guard against foreign influences on
					 * credential calculations
					 * (notably. ptrace)
					 * Deprecated do not use in new code.
					 * Use exec_update_lock instead.
					 */
};

#endif /* _LINUX_SCHED_SIGNAL_H */
