/*
 * Negative: kernel/sched/core.c __task_rq_lock() returns the task's
 * runqueue with rq->__lock held. The function reaches that lock through a
 * local set on every retry, which its caller cannot name: it is not a lock
 * of the caller's first argument "p". Named so, it stayed held after
 * __task_rq_unlock() released the runqueue's lock under the caller's own
 * name for it. (That the section itself is missed is
 * lock-xfail-lock-returned-in-local.c.)
 */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/file.h>
#include <linux/fs.h>

/* kernel/sched/sched.h, reduced */
struct rq {
	raw_spinlock_t __lock;
	unsigned int nr_running;
};

struct rq_flags {
	unsigned long flags;
};

extern struct rq runqueues[];

#define cpu_rq(cpu)		(&runqueues[(cpu)])
#define task_rq(p)		cpu_rq(task_cpu(p))

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return p->pid & 1;
}

static inline void raw_spin_rq_lock(struct rq *rq)
{
	raw_spin_lock(&rq->__lock);
}

static inline void raw_spin_rq_unlock(struct rq *rq)
{
	raw_spin_unlock(&rq->__lock);
}

static struct rq *__task_rq_lock(struct task_struct *p, struct rq_flags *rf)
	__acquires(rq->lock)
{
	struct rq *rq;

	for (;;) {
		rq = task_rq(p);
		raw_spin_rq_lock(rq);
		if (likely(rq == task_rq(p)))
			return rq;
		raw_spin_rq_unlock(rq);
	}
}

static inline void __task_rq_unlock(struct rq *rq, struct rq_flags *rf)
	__releases(rq->lock)
{
	raw_spin_rq_unlock(rq);
}

void sched_task_put_file(struct task_struct *p, struct file *file)
{
	struct rq_flags rf;
	struct rq *rq;

	rq = __task_rq_lock(p, &rf);
	rq->nr_running--;
	__task_rq_unlock(rq, &rf);
	__fput_sync(file);
}
