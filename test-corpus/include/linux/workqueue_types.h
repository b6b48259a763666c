/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/workqueue_types.h (Linux 6.12, !CONFIG_LOCKDEP). */
#ifndef _LINUX_WORKQUEUE_TYPES_H
#define _LINUX_WORKQUEUE_TYPES_H

#include <linux/atomic.h>
#include <linux/lockdep_types.h>
#include <linux/timer_types.h>
#include <linux/types.h>

struct workqueue_struct;

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
void delayed_work_timer_fn(struct timer_list *t);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

#endif /* _LINUX_WORKQUEUE_TYPES_H */
