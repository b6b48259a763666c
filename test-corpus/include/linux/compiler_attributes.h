/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/compiler_attributes.h (Linux 6.12): the attribute
 * shorthands the corpus uses, spelled as in the real header.
 */
#ifndef __LINUX_COMPILER_ATTRIBUTES_H
#define __LINUX_COMPILER_ATTRIBUTES_H

#define __aligned(x)			__attribute__((__aligned__(x)))
#define __always_inline			inline __attribute__((__always_inline__))
#define __cleanup(func)			__attribute__((__cleanup__(func)))
#define __cold				__attribute__((__cold__))
#define __printf(a, b)			__attribute__((__format__(printf, a, b)))
#define __gnu_inline			__attribute__((__gnu_inline__))
#define fallthrough			__attribute__((__fallthrough__))
#define noinline			__attribute__((__noinline__))
#define __noreturn			__attribute__((__noreturn__))
#define __packed			__attribute__((__packed__))
#define __section(section)		__attribute__((__section__(section)))
#define __always_unused			__attribute__((__unused__))
#define __maybe_unused			__attribute__((__unused__))
#define __used				__attribute__((__used__))
#define __must_check			__attribute__((__warn_unused_result__))
#define __weak				__attribute__((__weak__))

#endif /* __LINUX_COMPILER_ATTRIBUTES_H */
