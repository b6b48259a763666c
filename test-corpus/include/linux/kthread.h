/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/kthread.h (Linux 6.12), reduced: kthread_create()
 * and kthread_run() are the real macros over the out-of-line
 * kthread_create_on_node(); the thread function runs in a new kernel
 * thread (PF_KTHREAD set).
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE	(-1)
#endif

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data,
					   int node,
					   const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

#define kthread_run(threadfn, data, namefmt, ...)			   \
({									   \
	struct task_struct *__k						   \
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						   \
		wake_up_process(__k);					   \
	__k;								   \
})

bool kthread_should_stop(void);

#endif /* _LINUX_KTHREAD_H */
