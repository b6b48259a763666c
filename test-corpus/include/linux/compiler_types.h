/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/compiler_types.h (Linux 6.12.y).
 *
 * The real kernel force-includes this file (-include compiler_types.h);
 * the corpus is compiled without that, so linux/compiler.h includes it,
 * as the real compiler.h also does.
 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#ifndef __has_builtin
#define __has_builtin(x) (0)
#endif

#ifndef __ASSEMBLY__

#if __STDC_VERSION__ < 202311L
# define auto __auto_type
#endif

#define BTF_TYPE_TAG(value) /* nothing */

#include <linux/compiler-context-analysis.h>

/* sparse-less build: address spaces and __force vanish */
# define __kernel
# define __user		BTF_TYPE_TAG(user)
# define __iomem
# define __percpu	BTF_TYPE_TAG(percpu)
# define __rcu		BTF_TYPE_TAG(rcu)
# define __chk_user_ptr(x)	(void)0
# define __chk_io_ptr(x)	(void)0
# define __force
# define __nocast
# define __safe
# define __private
# define ACCESS_PRIVATE(p, member) ((p)->member)

/* Indirect macros required for expanded argument pasting, eg. __LINE__. */
#define ___PASTE(a,b) a##b
#define __PASTE(a,b) ___PASTE(a,b)

#ifdef __KERNEL__

/* Attributes */
#include <linux/compiler_attributes.h>

#define notrace			__attribute__((__no_instrument_function__))

/*
 * gcc provides both __inline__ and __inline as alternate spellings of
 * the inline keyword, the kernel redefines "inline" itself: every
 * "static inline" function in the kernel is gnu_inline, maybe_unused
 * and notrace.
 */
#define inline inline __gnu_inline __inline_maybe_unused notrace
#define __inline__ inline
#define __inline_maybe_unused __maybe_unused

#define __randomize_layout
#define __latent_entropy
#define ____cacheline_aligned_in_smp	__attribute__((__aligned__(64)))

#define noinstr		noinline notrace __attribute((__section__(".noinstr.text")))

#endif /* __KERNEL__ */

/* Are two types/vars the same type (ignoring qualifiers)? */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

#endif /* __ASSEMBLY__ */

#endif /* __LINUX_COMPILER_TYPES_H */
