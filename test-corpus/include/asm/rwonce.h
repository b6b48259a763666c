/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/asm-generic/rwonce.h (Linux 6.12).  Simplified: the real
 * __unqual_scalar_typeof() _Generic() selector and the
 * compiletime_assert_rwonce_type() check are reduced to typeof().
 */
#ifndef __ASM_GENERIC_RWONCE_H
#define __ASM_GENERIC_RWONCE_H

#ifndef __ASSEMBLY__

#define __READ_ONCE(x)	(*(const volatile typeof(x) *)&(x))

#define READ_ONCE(x)							\
({									\
	__READ_ONCE(x);							\
})

#define __WRITE_ONCE(x, val)						\
do {									\
	*(volatile typeof(x) *)&(x) = (val);				\
} while (0)

#define WRITE_ONCE(x, val)						\
do {									\
	__WRITE_ONCE(x, val);						\
} while (0)

#endif /* __ASSEMBLY__ */
#endif	/* __ASM_GENERIC_RWONCE_H */
