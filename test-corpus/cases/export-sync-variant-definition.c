/*
 * fs/file_table.c shape: the sync variant itself is defined here and
 * exported with EXPORT_SYMBOL(); reported on the EXPORT_SYMBOL line.
 */
#include <linux/export.h>
#include <linux/atomic.h>
#include <linux/sched.h>
#include <linux/task_work.h>
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

static void ____fput(struct callback_head *work)
{
	__fput(container_of(work, struct file, f_task_work));
}

static void delayed_fput(struct work_struct *unused)
{
}

static DECLARE_WORK(delayed_fput_work, delayed_fput);

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count)) {
		struct task_struct *task = current;

		if (likely(!in_interrupt() && !(task->flags & PF_KTHREAD))) {
			init_task_work(&file->f_task_work, ____fput);
			if (!task_work_add(task, &file->f_task_work, TWA_RESUME))
				return;
		}
		schedule_work(&delayed_fput_work);
	}
}

/*
 * synchronous analog of fput(); for kernel threads that might be needed
 * in some umount() (and thus can't use flush_delayed_fput() without
 * risking deadlocks), need to wait for completion of __fput() and know
 * for this specific struct file it won't involve anything that would
 * need them.  Use only if you really need it - at the very least,
 * don't blindly convert fput() by kernel thread to that.
 */
void __fput_sync(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		__fput(file);
}

EXPORT_SYMBOL(fput);
EXPORT_SYMBOL(__fput_sync);	/* expect: fput-sync-export {{sync variant __fput_sync\(\) is exported to modules by EXPORT_SYMBOL\(\)}} note: {{__fput_sync\(\) exported here by EXPORT_SYMBOL\(\)}} */
