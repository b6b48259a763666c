/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/sched.h (Linux 6.12), reduced: a small
 * task_struct, current, and cond_resched() in the CONFIG_PREEMPTION,
 * !CONFIG_PREEMPT_DYNAMIC shape (an inline that does not schedule).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <asm/current.h>

#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define TASK_DEAD			0x00000080

#define PF_EXITING		0x00000004	/* Getting shut down */
#define PF_WQ_WORKER		0x00000020	/* I'm a workqueue worker */
#define PF_KTHREAD		0x00200000	/* I am a kernel thread */

#define TASK_COMM_LEN		16

/* include/uapi/linux/sched.h: cloning flags */
#define CSIGNAL		0x000000ff	/* signal mask to be sent at exit */
#define CLONE_VM	0x00000100	/* set if VM shared between processes */
#define CLONE_FS	0x00000200	/* set if fs info shared between processes */
#define CLONE_FILES	0x00000400	/* set if open files shared between processes */
#define CLONE_PARENT	0x00008000	/* set if we want to have the same parent as the cloner */
#define CLONE_UNTRACED	0x00800000	/* set if the tracing process can't force CLONE_PTRACE on this clone */

struct files_struct;
struct fs_struct;
struct mm_struct;
struct signal_struct;
struct sighand_struct;

struct task_struct {
	unsigned int			__state;
	unsigned int			flags;
	unsigned int			ptrace;
	struct mm_struct		*mm;
	int				exit_state;
	int				exit_code;
	unsigned long			jobctl;
	pid_t				pid;
	pid_t				tgid;
	char				comm[TASK_COMM_LEN];
	/* Filesystem information: */
	struct fs_struct		*fs;
	/* Open file information: */
	struct files_struct		*files;
	struct signal_struct		*signal;
	struct sighand_struct __rcu		*sighand;
	/* Protection against (de-)allocation: mm, files, fs, tty, keyrings, mems_allowed, mempolicy: */
	spinlock_t			alloc_lock;
	struct callback_head		*task_works;
	/* Used by kthreads (struct kthread) and io workers: */
	void				*worker_private;
};

static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

extern void schedule(void);
extern int wake_up_process(struct task_struct *tsk);
extern void __noreturn do_task_dead(void);

/* !CONFIG_LIVEPATCH */
static inline void klp_sched_try_switch(void) { }

/* CONFIG_PREEMPTION && !CONFIG_PREEMPT_DYNAMIC */
static inline int _cond_resched(void)
{
	klp_sched_try_switch();
	return 0;
}

#define cond_resched() ({			\
	__might_resched(__FILE__, __LINE__, 0);	\
	_cond_resched();			\
})

#endif
