/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/errno.h + uapi/asm-generic/errno-base.h (Linux 6.12):
 * the error numbers the corpus uses.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define	EPERM		 1	/* Operation not permitted */
#define	ENOENT		 2	/* No such file or directory */
#define	EINTR		 4	/* Interrupted system call */
#define	EIO		 5	/* I/O error */
#define	EBADF		 9	/* Bad file number */
#define	EAGAIN		11	/* Try again */
#define	ENOMEM		12	/* Out of memory */
#define	EFAULT		14	/* Bad address */
#define	EBUSY		16	/* Device or resource busy */
#define	EEXIST		17	/* File exists */
#define	ENODEV		19	/* No such device */
#define	EINVAL		22	/* Invalid argument */
#define	ENOSPC		28	/* No space left on device */
#define	ESHUTDOWN	108	/* Cannot send after transport endpoint shutdown */
#define	ESTALE		116	/* Stale file handle */

#define ERESTARTSYS	512
#define ERESTARTNOINTR	513

#endif
