/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/mutex_types.h (Linux 6.12, !CONFIG_PREEMPT_RT). */
#ifndef __LINUX_MUTEX_TYPES_H
#define __LINUX_MUTEX_TYPES_H

#include <linux/types.h>
#include <linux/spinlock_types.h>

struct mutex {
	atomic_long_t		owner;
	raw_spinlock_t		wait_lock;
	struct list_head	wait_list;
};

#endif /* __LINUX_MUTEX_TYPES_H */
