/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of arch/x86/include/asm/bitsperlong.h + asm-generic/bitsperlong.h (x86_64). */
#ifndef __ASM_X86_BITSPERLONG_H
#define __ASM_X86_BITSPERLONG_H

#define __BITS_PER_LONG 64
#define BITS_PER_LONG __BITS_PER_LONG

#endif /* __ASM_X86_BITSPERLONG_H */
