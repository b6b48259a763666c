/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mirrors Linux 6.12 include/linux/indirect_call_wrapper.h as configured
 * with CONFIG_MITIGATION_RETPOLINE=y (x86_64 defconfig): the pointer is
 * copied into a local of the statement expression, compared with the
 * known builtins, and called through that local otherwise.
 */
#ifndef _LINUX_INDIRECT_CALL_WRAPPER_H
#define _LINUX_INDIRECT_CALL_WRAPPER_H

#include <linux/compiler.h>
#include <linux/export.h>

#define INDIRECT_CALL_1(f, f1, ...)					\
	({								\
		typeof(f) __f1 = (f);					\
		likely(__f1 == f1) ? f1(__VA_ARGS__) : __f1(__VA_ARGS__);	\
	})
#define INDIRECT_CALL_2(f, f2, f1, ...)					\
	({								\
		typeof(f) __f2 = (f);					\
		likely(__f2 == f2) ? f2(__VA_ARGS__) :			\
				  INDIRECT_CALL_1(__f2, f1, __VA_ARGS__);	\
	})
#define INDIRECT_CALL_3(f, f3, f2, f1, ...)					\
	({									\
		typeof(f) __f3 = (f);						\
		likely(__f3 == f3) ? f3(__VA_ARGS__) :				\
				  INDIRECT_CALL_2(__f3, f2, f1, __VA_ARGS__);	\
	})

#define INDIRECT_CALLABLE_DECLARE(f)	f
#define INDIRECT_CALLABLE_SCOPE
#define EXPORT_INDIRECT_CALLABLE(f)	EXPORT_SYMBOL(f)

#endif
