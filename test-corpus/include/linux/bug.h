/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/bug.h + asm-generic/bug.h (Linux 6.12), in the
 * generic CONFIG_BUG shape without an arch __WARN_FLAGS (x86 uses a "ud2"
 * asm with a bug table instead): BUG() prints and panics, WARN_ON() calls
 * the out-of-line warn_slowpath_fmt().
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/printk.h>
#include <linux/panic.h>

#define TAINT_WARN			9

extern __printf(4, 5)
void warn_slowpath_fmt(const char *file, const int line, unsigned taint,
		       const char *fmt, ...);

#define __WARN_printf(taint, arg...) do {				\
		warn_slowpath_fmt(__FILE__, __LINE__, taint, arg);	\
	} while (0)

#define __WARN()		__WARN_printf(TAINT_WARN, NULL)

#define BUG() do { \
	printk("BUG: failure at %s:%d/%s()!\n", __FILE__, __LINE__, __func__); \
	barrier_before_unreachable(); \
	panic("BUG!"); \
} while (0)

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();						\
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, format...) ({				\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(TAINT_WARN, format);			\
	unlikely(__ret_warn_on);					\
})

/* The real ones warn once (DO_ONCE_LITE_IF); the once is left out here. */
#define WARN_ON_ONCE(condition)	WARN_ON(condition)
#define WARN_ONCE(condition, format...)	WARN(condition, format)

#endif	/* _LINUX_BUG_H */
