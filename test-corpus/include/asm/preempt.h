/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/preempt.h (Linux 6.12).
 *
 * Simplified: raw_cpu_add_4(pcpu_hot.preempt_count, val) (a %gs-relative
 * "addl") becomes a plain add to the pcpu_hot global, and
 * __preempt_schedule() calls preempt_schedule() directly as in
 * asm-generic/preempt.h instead of an asm "call preempt_schedule_thunk".
 */
#ifndef __ASM_PREEMPT_H
#define __ASM_PREEMPT_H

#include <asm/current.h>
#include <linux/linkage.h>

/* We use the MSB mostly because its available */
#define PREEMPT_NEED_RESCHED	0x80000000

/*
 * We use the PREEMPT_NEED_RESCHED bit as an inverted NEED_RESCHED such
 * that a decrement hitting 0 means we can and should reschedule.
 */
#define PREEMPT_ENABLED	(0 + PREEMPT_NEED_RESCHED)

static __always_inline int preempt_count(void)
{
	return READ_ONCE(pcpu_hot.preempt_count) & ~PREEMPT_NEED_RESCHED;
}

static __always_inline void preempt_count_set(int pc)
{
	WRITE_ONCE(pcpu_hot.preempt_count, pc);
}

/*
 * The various preempt_count add/sub methods
 */

static __always_inline void __preempt_count_add(int val)
{
	pcpu_hot.preempt_count += val;
}

static __always_inline void __preempt_count_sub(int val)
{
	pcpu_hot.preempt_count -= val;
}

/*
 * Because we keep PREEMPT_NEED_RESCHED set when we do _not_ need to reschedule
 * a decrement which hits zero means we have no preempt_count and should
 * reschedule.
 */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	return --pcpu_hot.preempt_count == 0;
}

/*
 * Returns true when we need to resched and can (barring IRQ state).
 */
static __always_inline bool should_resched(int preempt_offset)
{
	return unlikely(READ_ONCE(pcpu_hot.preempt_count) == preempt_offset);
}

/* CONFIG_PREEMPTION */
extern asmlinkage void preempt_schedule(void);
#define __preempt_schedule() preempt_schedule()
extern asmlinkage void preempt_schedule_notrace(void);
#define __preempt_schedule_notrace() preempt_schedule_notrace()

#endif /* __ASM_PREEMPT_H */
