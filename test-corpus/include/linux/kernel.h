/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/kernel.h (Linux 6.12), reduced: do_exit(),
 * might_sleep() (!CONFIG_DEBUG_ATOMIC_SLEEP) and the usual helpers.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kconfig.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/bug.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#define min(x, y)	((x) < (y) ? (x) : (y))
#define max(x, y)	((x) > (y) ? (x) : (y))

/* !CONFIG_DEBUG_ATOMIC_SLEEP */
static inline void __might_resched(const char *file, int line,
				   unsigned int offsets) { }
static inline void __might_sleep(const char *file, int line) { }
# define might_sleep() do { } while (0)
# define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

void do_exit(long error_code) __noreturn;

/* include/linux/wordpart.h */
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))

#endif
