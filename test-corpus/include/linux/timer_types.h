/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/timer_types.h (Linux 6.12, !CONFIG_LOCKDEP). */
#ifndef _LINUX_TIMER_TYPES_H
#define _LINUX_TIMER_TYPES_H

#include <linux/types.h>

struct timer_list {
	/*
	 * All fields that change during normal runtime grouped to the
	 * same cacheline
	 */
	struct hlist_node	entry;
	unsigned long		expires;
	void			(*function)(struct timer_list *);
	u32			flags;
};

#endif /* _LINUX_TIMER_TYPES_H */
