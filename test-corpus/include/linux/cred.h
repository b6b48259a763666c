/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/cred.h (Linux 6.12), reduced: what exec uses.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>

struct cred;

extern struct cred *prepare_creds(void);
extern struct cred *prepare_exec_creds(void);
extern void abort_creds(struct cred *);

#endif /* _LINUX_CRED_H */
