/*
 * Negative: kernel/signal.c ptrace_stop() is called with
 * current->sighand->siglock held, drops it to sleep and takes it again
 * before returning (__releases() and __acquires() of one lock). That is no
 * net effect: the lock it takes again is its caller's, which get_signal()
 * releases through its own name for it (sighand = current->sighand).
 */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/file.h>
#include <linux/fs.h>

#define CLD_STOPPED		5
#define JOBCTL_STOP_SIGMASK	0xffff
#define JOBCTL_TRAP_STOP_BIT	19
#define JOBCTL_TRAP_STOP	(1UL << JOBCTL_TRAP_STOP_BIT)

static int ptrace_stop(int exit_code, int why, unsigned long message)
	__releases(&current->sighand->siglock)
	__acquires(&current->sighand->siglock)
{
	if (!current->ptrace)
		return exit_code;

	current->exit_code = exit_code;
	spin_unlock_irq(&current->sighand->siglock);
	schedule();
	spin_lock_irq(&current->sighand->siglock);
	exit_code = current->exit_code;
	current->exit_code = 0;
	return exit_code;
}

static void do_jobctl_trap(void)
{
	int signr = current->jobctl & JOBCTL_STOP_SIGMASK;

	ptrace_stop(signr, CLD_STOPPED, 0);
}

bool get_signal(struct file *core)
{
	struct sighand_struct *sighand = current->sighand;

	for (;;) {
		spin_lock_irq(&sighand->siglock);
		if (current->jobctl & JOBCTL_TRAP_STOP) {
			do_jobctl_trap();
			spin_unlock_irq(&sighand->siglock);
			continue;
		}
		spin_unlock_irq(&sighand->siglock);
		break;
	}

	__fput_sync(core);
	return true;
}
