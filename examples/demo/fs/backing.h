/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DEMO_BACKING_H
#define _DEMO_BACKING_H

struct file;
void backing_file_drop(struct file *file);

#endif
