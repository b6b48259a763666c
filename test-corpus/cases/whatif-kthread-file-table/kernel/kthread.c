// SPDX-License-Identifier: GPL-2.0
/*
 * kthreadd() and create_kthread() as in kernel/kthread.c. kthreadd runs as
 * a kernel thread (rest_init() makes it with kernel_thread()); the threads
 * it makes share its file table (CLONE_FILES), so the error path of
 * copy_process() never drops that table's last reference, and the table is
 * empty anyway: no finding before complete().
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>

struct kthread {
	unsigned long flags;
	int result;
};

static inline struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON(!(k->flags & PF_KTHREAD));
	return k->worker_private;
}

/*
 * Only a kernel thread may call these: to_kthread(current) warns anywhere
 * else, so the exit they lead to closes no file (the thread's table is the
 * shared, empty one).
 */
void __noreturn kthread_exit(long result)
{
	struct kthread *kthread = to_kthread(current);
	kthread->result = result;
	do_exit(0);
}
EXPORT_SYMBOL(kthread_exit);

void __noreturn kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);

	kthread_exit(code);
}
EXPORT_SYMBOL(kthread_complete_and_exit);

/* Another task's kthread says nothing of where this one runs. */
void __noreturn demo_exit_as(struct task_struct *k, long code)
{
	struct kthread *kthread = to_kthread(k);

	kthread->result = code;
	do_exit(0);	/* expect: fput-sync-export {{reachable from exported function demo_exit_as\(\)}} */
}
EXPORT_SYMBOL(demo_exit_as);

struct kthread_create_info {
	char *full_name;
	int (*threadfn)(void *data);
	void *data;
	int node;
	struct task_struct *result;
	struct completion *done;
	struct list_head list;
};

static DEFINE_SPINLOCK(kthread_create_lock);
static LIST_HEAD(kthread_create_list);

static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;

	return create->threadfn(create->data);
}

static void create_kthread(struct kthread_create_info *create)
{
	int pid;

	/* We want our own signal handler (we take no signals by default). */
	pid = kernel_thread(kthread, create, create->full_name,
			    CLONE_FS | CLONE_FILES);
	if (pid < 0) {
		struct completion *done = create->done;

		kfree(create->full_name);
		create->result = ERR_PTR(pid);
		complete(done);
	}
}

int kthreadd(void *unused)
{
	for (;;) {
		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create;

			create = list_entry(kthread_create_list.next,
					    struct kthread_create_info, list);
			list_del_init(&create->list);
			spin_unlock(&kthread_create_lock);

			create_kthread(create);

			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}

	return 0;
}
