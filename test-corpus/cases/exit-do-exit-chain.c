/*
 * Exit path: make_task_dead() -> do_exit() -> exit_files() ->
 * put_files_struct() -> close_files() -> __fput_sync().
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/task_work.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/fdtable.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

void exit_signals(struct task_struct *tsk);
void exit_mm(void);
void exit_thread(struct task_struct *tsk);
void cgroup_exit(struct task_struct *tsk);

static struct fdtable *close_files(struct files_struct * files)
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
					filp_flush(file, files);
					__fput_sync(file);	/* expect: fput-sync-exit {{reached on the task exit path, only when put_files_struct\(\) drops the last reference \(make_task_dead -> do_exit -> exit_files -> put_files_struct -> close_files -> __fput_sync\)}} note: {{close_files\(\) calls __fput_sync\(\)}} */
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
		struct fdtable *fdt = close_files(files);	/* note: {{put_files_struct\(\) calls close_files\(\) when atomic_dec_and_test\(\) drops the last reference}} */

		/* free the arrays if they are not embedded */
		if (fdt != &files->fdtab)
			kfree(fdt);
		kfree(files);
	}
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct * files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(files);	/* note: {{exit_files\(\) calls put_files_struct\(\)}} */
	}
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	WARN_ON(irqs_disabled());

	exit_signals(tsk);  /* sets PF_EXITING */

	tsk->exit_code = code;

	exit_mm();

	exit_files(tsk);	/* note: {{do_exit\(\) calls exit_files\(\)}} */
	exit_fs(tsk);
	exit_task_work(tsk);
	exit_thread(tsk);

	cgroup_exit(tsk);

	do_task_dead();
}

void __noreturn make_task_dead(int signr)
{
	/*
	 * Take the task off the cpu after something catastrophic has
	 * happened.
	 */
	struct task_struct *tsk = current;

	if (unlikely(in_interrupt()))
		panic("Aiee, killing interrupt handler!");
	if (unlikely(!tsk->pid))
		panic("Attempted to kill the idle task!");

	if (unlikely(irqs_disabled())) {
		pr_info("note: %s[%d] exited with irqs disabled\n",
			current->comm, task_pid_nr(current));
		local_irq_enable();
	}
	if (unlikely(in_atomic())) {
		pr_info("note: %s[%d] exited with preempt_count %d\n",
			current->comm, task_pid_nr(current),
			preempt_count());
		preempt_count_set(PREEMPT_ENABLED);
	}

	do_exit(signr);	/* note: {{make_task_dead\(\) calls do_exit\(\)}} */
}
