/*
 * Lock wrappers: qp_lock()/qp_unlock() are static helpers around
 * spin_lock()/spin_unlock(); the caller holds the spinlock between them.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct qp_state {
	spinlock_t lock;
	struct file *umem_file;
	int state;
};

static void qp_lock(struct qp_state *qp)
{
	spin_lock(&qp->lock);
}

static void qp_unlock(struct qp_state *qp)
{
	spin_unlock(&qp->lock);
}

void qp_destroy_umem(struct qp_state *qp)
{
	qp_lock(qp);	/* note: {{acquired here}} */
	qp->state = 0;
	if (qp->umem_file)
		__fput_sync(qp->umem_file);	/* expect: fput-sync-atomic */
	qp->umem_file = NULL;
	qp_unlock(qp);
}
