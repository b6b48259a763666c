/*
 * Known false negative: a function that returns holding a lock it reached
 * through a local (kernel/sched/core.c __task_rq_lock() returns rq with
 * rq->__lock held) leaves its caller nothing to name the lock by, so the
 * acquisition is not applied at the caller and the section under it is
 * not seen.
 */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/file.h>
#include <linux/fs.h>

struct rq {
	raw_spinlock_t __lock;
	unsigned int nr_running;
};

extern struct rq runqueues[];

#define cpu_rq(cpu)		(&runqueues[(cpu)])
#define task_rq(p)		cpu_rq(task_cpu(p))

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return p->pid & 1;
}

static struct rq *__task_rq_lock(struct task_struct *p)
{
	struct rq *rq;

	for (;;) {
		rq = task_rq(p);
		raw_spin_lock(&rq->__lock);
		if (likely(rq == task_rq(p)))
			return rq;
		raw_spin_unlock(&rq->__lock);
	}
}

void sched_task_put_file_locked(struct task_struct *p, struct file *file)
{
	struct rq *rq;

	rq = __task_rq_lock(p);
	__fput_sync(file);	/* xfail: fput-sync-atomic -- the lock is reached through __task_rq_lock()'s local "rq"; the caller cannot name it */
	raw_spin_unlock(&rq->__lock);
}
