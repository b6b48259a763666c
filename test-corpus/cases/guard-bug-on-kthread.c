/*
 * Linux 6.1 fs/file_table.c shape: __fput_sync() asserts that it runs in a
 * kernel thread (BUG_ON(!(task->flags & PF_KTHREAD))) before the release.
 * A system call that reaches it under a mutex would hit the BUG() instead
 * of releasing; a work item (a kworker is a kthread) really releases, and
 * the kernel/acct.c close_work() shape is reported.
 */
#include <linux/bug.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <linux/file.h>
#include <linux/fs.h>

static void __fput(struct file *file)
{
	const struct file_operations *fop = file->f_op;

	if (fop->release)
		fop->release(file_inode(file), file);
	file->f_op = NULL;
}

void __fput_sync(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count)) {
		struct task_struct *task = current;

		BUG_ON(!(task->flags & PF_KTHREAD));
		__fput(file);
	}
}

struct demo_acct {
	struct mutex		lock;
	struct file		*file;
	struct work_struct	work;
	struct completion	done;
};

/* Under the mutex from a system call: __fput_sync() would BUG, not release. */
void demo_acct_switch(struct demo_acct *a)
{
	mutex_lock(&a->lock);
	__fput_sync(a->file);
	mutex_unlock(&a->lock);
}

static void demo_close_work(struct work_struct *work)
{
	struct demo_acct *a = container_of(work, struct demo_acct, work);

	__fput_sync(a->file);		/* expect: fput-sync-before-complete {{^demo_close_work\(\) warn: __fput_sync\(\) runs before complete\(\) at line 56;}} */
	complete(&a->done);	/* note: {{completion signalled here: complete\(\)}} */
}

void demo_acct_init(struct demo_acct *a)
{
	INIT_WORK(&a->work, demo_close_work);
	init_completion(&a->done);
}
