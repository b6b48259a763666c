/*
 * io_uring/io-wq.c io_wq_worker() shape: acct = io_wq_get_acct(worker) is
 * looked up through another call, so acct->lock is not worker->lock. Only
 * a helper that returns a place inside its argument (spinlock_check():
 * `return &lock->rlock;`) names the argument's lock. Dropping acct->lock
 * leaves worker->lock held.
 */
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_acct {
	raw_spinlock_t	lock;
};

struct demo_worker {
	raw_spinlock_t	lock;
	unsigned int	flags;
	struct demo_acct *accts;
	struct file	*file;
};

static inline struct demo_acct *demo_acct_of(struct demo_acct *accts,
					     bool bound)
{
	return &accts[bound];
}

static inline struct demo_acct *demo_get_acct(struct demo_worker *worker)
{
	return demo_acct_of(worker->accts, worker->flags & 1);
}

void demo_worker_exit(struct demo_worker *worker)
{
	struct demo_acct *acct = demo_get_acct(worker);

	raw_spin_lock(&worker->lock);
	raw_spin_lock(&acct->lock);
	raw_spin_unlock(&acct->lock);
	__fput_sync(worker->file);	/* expect: fput-sync-atomic */
	raw_spin_unlock(&worker->lock);
}
