/*
 * Negative: io_uring/io-wq.c io_worker_handle_work() is called with
 * acct->lock held (__releases) and drops it before running the work.
 * Before that it calls io_get_next_work() (__must_hold), which, stalled on
 * hashed work, drops acct->lock and takes it again: the caller's lock,
 * restored, not a lock io_get_next_work() hands out. So the unlock in
 * io_worker_handle_work() still releases its caller's lock, and the work it
 * runs afterwards is not under it.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct io_wq_work {
	struct file *file;
	bool hashed;
};

struct io_wq_acct {
	raw_spinlock_t lock;
	struct io_wq_work *next;
	unsigned long flags;
};

extern void io_wait_on_hash(struct io_wq_acct *acct);

static struct io_wq_work *io_get_next_work(struct io_wq_acct *acct)
	__must_hold(acct->lock)
{
	struct io_wq_work *work = acct->next;

	if (!work || !work->hashed)
		return work;

	/*
	 * Set this before dropping the lock to avoid racing with new
	 * work being added and clearing the stalled bit.
	 */
	acct->flags |= 1;
	raw_spin_unlock(&acct->lock);
	io_wait_on_hash(acct);
	raw_spin_lock(&acct->lock);
	return NULL;
}

static void io_run_work(struct io_wq_work *work)
{
	__fput_sync(work->file);
}

/*
 * Called with acct->lock held, drops it before returning
 */
static void io_worker_handle_work(struct io_wq_acct *acct)
	__releases(&acct->lock)
{
	do {
		struct io_wq_work *work;

		work = io_get_next_work(acct);
		raw_spin_unlock(&acct->lock);

		if (!work)
			break;

		io_run_work(work);

		if (!acct->next)
			break;
		raw_spin_lock(&acct->lock);
	} while (1);
}

void io_wq_worker(struct io_wq_acct *acct)
{
	raw_spin_lock(&acct->lock);
	io_worker_handle_work(acct);
}
