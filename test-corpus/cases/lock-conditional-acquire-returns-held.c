/*
 * io_uring/io-wq.c io_acct_run_queue(): returns true with acct->lock held
 * and false after dropping it (its __acquires() annotation does not say
 * so). Learned from its return statements, it is a trylock whose success
 * is nonzero: the worker holds the lock inside its loop only, not after it.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct io_wq_acct {
	raw_spinlock_t lock;
	int nr_works;
	struct file *work_file;
};

static inline bool __io_acct_run_queue(struct io_wq_acct *acct)
{
	return acct->nr_works != 0;
}

/*
 * If there's work to do, returns true with acct->lock acquired. If not,
 * returns false with no lock held.
 */
static inline bool io_acct_run_queue(struct io_wq_acct *acct)
	__acquires(&acct->lock)
{
	raw_spin_lock(&acct->lock);
	if (__io_acct_run_queue(acct))
		return true;

	raw_spin_unlock(&acct->lock);
	return false;
}

int io_wq_worker(struct io_wq_acct *acct, struct file *exit_file)
{
	while (io_acct_run_queue(acct)) {	/* note: {{spinlock 'acct->lock' acquired here}} */
		__fput_sync(acct->work_file);	/* expect: fput-sync-atomic {{spinlock 'acct->lock' held}} */
		acct->nr_works--;
		raw_spin_unlock(&acct->lock);
	}

	__fput_sync(exit_file);
	return 0;
}
