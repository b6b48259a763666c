/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/panic.h (Linux 6.12), reduced. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler_attributes.h>
#include <linux/types.h>

__printf(1, 2)
void panic(const char *fmt, ...) __noreturn __cold;

#endif	/* _LINUX_PANIC_H */
