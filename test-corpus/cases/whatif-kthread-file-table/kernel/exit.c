// SPDX-License-Identifier: GPL-2.0
/* exit_files() as in kernel/exit.c. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/fdtable.h>

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(files);
	}
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	exit_files(tsk);
	__builtin_unreachable();
}
