/*
 * io_uring/io_uring.c io_uring_cancel_generic() shape: called with
 * sqd->lock held when sqd is set, it drops the lock around a reschedule
 * and takes it back, both under `if (sqd)`, in a retry loop. Its net
 * effect on the caller's lock is none: the caller still holds it after the
 * call. On the edge where sqd is NULL nothing was dropped, so the test's
 * false edge must not count the lock as released either.
 */
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_sq_data {
	struct mutex	lock;
	struct file	*file;
};

bool demo_try_cancel_requests(void);
void demo_cond_resched(void);

void demo_cancel_generic(bool cancel_all, struct demo_sq_data *sqd)
{
	do {
		bool loop = false;

		if (!cancel_all)
			break;
		loop |= demo_try_cancel_requests();
		if (loop) {
			if (sqd)
				mutex_unlock(&sqd->lock);
			demo_cond_resched();
			if (sqd)
				mutex_lock(&sqd->lock);
			continue;
		}
		break;
	} while (1);
}

void demo_sq_thread(struct demo_sq_data *sqd)
{
	mutex_lock(&sqd->lock);
	demo_cancel_generic(true, sqd);
	__fput_sync(sqd->file);	/* expect: fput-sync-locked */
	mutex_unlock(&sqd->lock);
}
