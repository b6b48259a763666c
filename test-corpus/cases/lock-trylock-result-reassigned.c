/*
 * A local holds a trylock's result only on the paths between the
 * assignment that stores it and the next one. After the retry jumps back,
 * retval holds a count again, and WARN_ON_ONCE(retval == 0) tests that
 * count, not the mutex (fs/exec.c kernel_execve(): a WARN_ON_ONCE() on
 * a count in retval, later retval = bprm_execve(bprm), a wrapper that
 * returns 0 holding cred_guard_mutex).
 */
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_bprm {
	spinlock_t	wait_lock;
	struct mutex	cred_guard_mutex;
	struct file	*file;
};

int demo_count_strings(struct demo_bprm *bprm);
bool demo_retry(struct demo_bprm *bprm);

/* Called with bprm->wait_lock held; drops it to retry. */
int demo_exec_retry(struct demo_bprm *bprm, struct file *spare)
{
	int retval;

again:
	retval = demo_count_strings(bprm);
	if (WARN_ON_ONCE(retval == 0))
		__fput_sync(spare);
	retval = mutex_lock_interruptible(&bprm->cred_guard_mutex);
	if (retval) {
		spin_unlock(&bprm->wait_lock);
		if (demo_retry(bprm))
			goto again;
		return retval;
	}
	__fput_sync(bprm->file);	/* expect: fput-sync-locked */
	mutex_unlock(&bprm->cred_guard_mutex);
	return 0;
}
