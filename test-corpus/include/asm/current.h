/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/current.h (Linux 6.12).
 *
 * Simplified: the real pcpu_hot is a per-CPU variable read with
 * this_cpu_read_stable() (a %gs-relative asm load); here it is a plain
 * global with the same name and fields.
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

#ifndef __ASSEMBLY__

struct task_struct;

struct pcpu_hot {
	struct task_struct	*current_task;
	int			preempt_count;
	int			cpu_number;
	unsigned long		top_of_stack;
	void			*hardirq_stack_ptr;
	u16			softirq_pending;
	bool			hardirq_stack_inuse;
};

extern struct pcpu_hot pcpu_hot;

static __always_inline struct task_struct *get_current(void)
{
	return READ_ONCE(pcpu_hot.current_task);
}

#define current get_current()

#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_CURRENT_H */
