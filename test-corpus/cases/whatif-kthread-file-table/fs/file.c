// SPDX-License-Identifier: GPL-2.0
/*
 * What-if (filp_close() synchronous): a file table's last reference.
 * close_files() and put_files_struct() as in fs/file.c. The chains that end
 * here start in kernel/kthread.c, init/main.c and kernel/umh.c; only those
 * from a task of its own are real, since a kernel thread's table never
 * holds a file (rules/contexts.yaml, runs_in).
 */
/* fputcheck-options: --assume-sync filp_close */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

static struct fdtable *close_files(struct files_struct *files)
{
	/*
	 * It is safe to dereference the fd table without RCU or
	 * ->file_lock because this is the last reference to the
	 * files structure.
	 */
	struct fdtable *fdt = rcu_dereference_raw(files->fdt);
	unsigned int i, j = 0;

	for (;;) {
		unsigned long set;

		i = j * BITS_PER_LONG;
		if (i >= fdt->max_fds)
			break;
		set = fdt->open_fds[j++];
		while (set) {
			if (set & 1) {
				struct file *file = fdt->fd[i];

				fdt->fd[i] = NULL;
				if (file) {
					filp_close(file, files);	/* expect: fput-sync-exit {{reached on the task exit path}} */
					cond_resched();
				}
			}
			i++;
			set >>= 1;
		}
	}

	return fdt;
}

void put_files_struct(struct files_struct *files)
{
	if (atomic_dec_and_test(&files->count)) {
		struct fdtable *fdt = close_files(files);

		/* free the arrays if they are not embedded */
		if (fdt != &files->fdtab)
			kfree(fdt);
		kfree(files);
	}
}
