// SPDX-License-Identifier: GPL-2.0
/*
 * copy_process() as in kernel/fork.c, reduced to the file table: its error
 * path puts the child's table, which is the parent's (CLONE_FILES) or a
 * copy of it. kernel_thread() and user_mode_thread() as in Linux 6.12.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/fdtable.h>
#include <linux/kthread.h>
#include <linux/slab.h>

struct pid;

struct task_struct *dup_task_struct(struct task_struct *orig, int node);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void wake_up_new_task(struct task_struct *tsk);

static int copy_files(unsigned long clone_flags, struct task_struct *tsk,
		      int no_files)
{
	struct files_struct *oldf, *newf;

	/*
	 * A background process may not have any files ...
	 */
	oldf = current->files;
	if (!oldf)
		return 0;

	if (no_files) {
		tsk->files = NULL;
		return 0;
	}

	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		return 0;
	}

	newf = dup_fd(oldf, ~0U, NULL);
	if (IS_ERR(newf))
		return PTR_ERR(newf);

	tsk->files = newf;
	return 0;
}

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);

	retval = copy_files(clone_flags, p, args->no_files);
	if (retval)
		goto bad_fork_free;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;

	return p;

bad_fork_cleanup_files:
	exit_files(p); /* blocking */
bad_fork_free:
	kfree(p);
	return ERR_PTR(retval);
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p;

	p = copy_process(NULL, 0, NUMA_NO_NODE, args);
	if (IS_ERR(p))
		return PTR_ERR(p);

	wake_up_new_task(p);
	return 0;
}

/*
 * Create a kernel thread.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags		= ((lower_32_bits(flags) | CLONE_VM |
				    CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal	= (lower_32_bits(flags) & CSIGNAL),
		.fn		= fn,
		.fn_arg		= arg,
		.name		= name,
		.kthread	= 1,
	};

	return kernel_clone(&args);
}

/*
 * Create a user mode thread.
 */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags		= ((lower_32_bits(flags) | CLONE_VM |
				    CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal	= (lower_32_bits(flags) & CSIGNAL),
		.fn		= fn,
		.fn_arg		= arg,
	};

	return kernel_clone(&args);
}

/*
 * Helper to unshare the files of the current task (the exec path's
 * table switch, from begin_new_exec()).
 */
int unshare_files(void)
{
	struct task_struct *task = current;
	struct files_struct *old, *copy;

	copy = dup_fd(task->files, ~0U, NULL);
	if (IS_ERR(copy))
		return PTR_ERR(copy);

	old = task->files;
	task_lock(task);
	task->files = copy;
	task_unlock(task);
	put_files_struct(old);
	return 0;
}
