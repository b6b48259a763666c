/*
 * Negative: do_exit() here only reaches filp_close(); the __fput_sync()
 * user, unshare_files_release(), is not reachable from the exit path.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/fdtable.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

void exit_mm(void);

static void close_files(struct files_struct *files)
{
	struct fdtable *fdt = rcu_dereference_raw(files->fdt);
	unsigned int i;

	for (i = 0; i < fdt->max_fds; i++) {
		struct file *file = fdt->fd[i];

		if (file) {
			fdt->fd[i] = NULL;
			filp_close(file, files);
			cond_resched();
		}
	}
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		if (atomic_dec_and_test(&files->count)) {
			close_files(files);
			kfree(files);
		}
	}
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	tsk->exit_code = code;
	exit_mm();
	exit_files(tsk);
	do_task_dead();
}

static void release_cloned_table(struct files_struct *files)
{
	struct fdtable *fdt = rcu_dereference_raw(files->fdt);
	unsigned int i;

	for (i = 0; i < fdt->max_fds; i++) {
		if (fdt->fd[i])
			__fput_sync(fdt->fd[i]);
	}
	kfree(files);
}

/* called from the unshare(2) error path, never from exit */
void unshare_files_release(struct files_struct *copy)
{
	if (atomic_dec_and_test(&copy->count))
		release_cloned_table(copy);
}
