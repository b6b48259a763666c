/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/spinlock.h + asm-generic/qspinlock.h
 * (Linux 6.12): only the is_locked/is_contended queries the generic layer
 * maps raw_spin_is_locked() to.  The lock operations themselves are out of
 * line (kernel/locking/spinlock.c), so their arch parts are not needed.
 */
#ifndef _ASM_X86_SPINLOCK_H
#define _ASM_X86_SPINLOCK_H

#include <linux/atomic.h>
#include <asm/spinlock_types.h>

static __always_inline int queued_spin_is_locked(struct qspinlock *lock)
{
	return atomic_read(&lock->val);
}

static __always_inline int queued_spin_is_contended(struct qspinlock *lock)
{
	return atomic_read(&lock->val) & ~0xff;
}

#define arch_spin_is_locked(l)		queued_spin_is_locked(l)
#define arch_spin_is_contended(l)	queued_spin_is_contended(l)

#endif /* _ASM_X86_SPINLOCK_H */
