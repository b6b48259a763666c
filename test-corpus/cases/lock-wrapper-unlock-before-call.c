/*
 * Negative: the same static lock/unlock wrappers, but the unlock wrapper is
 * called before __fput_sync().
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
	struct file *umem;

	qp_lock(qp);
	qp->state = 0;
	umem = qp->umem_file;
	qp->umem_file = NULL;
	qp_unlock(qp);

	if (umem)
		__fput_sync(umem);
}
