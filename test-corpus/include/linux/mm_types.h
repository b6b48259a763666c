/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/mm_types.h (Linux 6.12), reduced: the mm_struct
 * fields the corpus touches, in the real anonymous struct.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/rwsem.h>

struct mm_struct {
	struct {
		int map_count;			/* number of VMAs */

		spinlock_t page_table_lock; /* Protects page tables and some
					     * counters
					     */
		/*
		 * With some kernel config, the current mmap_lock's offset
		 * inside 'mm_struct' is at 0x120, which is very optimal, as
		 * its two hot fields 'count' and 'owner' sit in 2 different
		 * cachelines,  and when mmap_lock is highly contended, both
		 * of the 2 fields will be accessed frequently, current layout
		 * will help to reduce cache bouncing.
		 */
		struct rw_semaphore mmap_lock;

		unsigned long total_vm;	   /* Total pages mapped */
		unsigned long stack_vm;	   /* VM_STACK */
	} __randomize_layout;
};

#endif /* _LINUX_MM_TYPES_H */
