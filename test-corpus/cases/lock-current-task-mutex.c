/*
 * fs/exec.c prepare_bprm_creds(): returns 0 holding
 * current->signal->cred_guard_mutex (mutex_lock_interruptible() returns 0
 * once it holds it) and an error without it, so it is a trylock whose
 * success is zero. The mutex hangs off current (rules: current_task): a
 * fixed lock, like a global, that the caller holds as
 * current->signal->cred_guard_mutex (not as its argument "bprm") and drops
 * with mutex_unlock(&current->signal->cred_guard_mutex).
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>

struct linux_binprm {
	struct file *file;
	struct file *interpreter;
	struct cred *cred;
};

/*
 * Prepare credentials and lock ->cred_guard_mutex.
 * setup_new_exec() commits the new creds and drops the lock.
 * Or, if exec fails before, free_bprm() should release ->cred
 * and unlock.
 */
static int prepare_bprm_creds(struct linux_binprm *bprm)
{
	if (mutex_lock_interruptible(&current->signal->cred_guard_mutex))
		return -ERESTARTNOINTR;

	bprm->cred = prepare_exec_creds();
	if (likely(bprm->cred))
		return 0;

	mutex_unlock(&current->signal->cred_guard_mutex);
	return -ENOMEM;
}

int bprm_execve(struct linux_binprm *bprm)
{
	int retval;

	retval = prepare_bprm_creds(bprm);	/* note: {{mutex 'current->signal->cred_guard_mutex' acquired here}} */
	if (retval)
		return retval;

	__fput_sync(bprm->interpreter);	/* expect: fput-sync-locked {{mutex 'current->signal->cred_guard_mutex' held}} */
	mutex_unlock(&current->signal->cred_guard_mutex);
	__fput_sync(bprm->file);
	return 0;
}
