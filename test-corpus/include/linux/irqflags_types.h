/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/irqflags_types.h (Linux 6.12, !CONFIG_TRACE_IRQFLAGS). */
#ifndef _LINUX_IRQFLAGS_TYPES_H
#define _LINUX_IRQFLAGS_TYPES_H

#endif /* _LINUX_IRQFLAGS_TYPES_H */
