/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/wait.h (Linux 6.12), reduced to the queue head type. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct wait_queue_head {
	spinlock_t		lock;
	struct list_head	head;
};
typedef struct wait_queue_head wait_queue_head_t;

extern void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr, void *key);

#define TASK_NORMAL		3

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)

#endif /* _LINUX_WAIT_H */
