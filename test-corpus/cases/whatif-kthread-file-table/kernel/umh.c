// SPDX-License-Identifier: GPL-2.0
/*
 * The usermode helper as in kernel/umh.c. The work item runs in a
 * workqueue worker, a kernel thread: creating the helper's task cannot drop
 * a last file reference before the waiter is woken. The helper's task runs
 * call_usermodehelper_exec_async() as a task of its own (user_mode_thread()
 * sets no PF_KTHREAD), and switching to a private table on exec can close
 * the last reference to a file it had: that one is reported.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

#define UMH_WAIT_PROC	2	/* wait for the process to complete */

int unshare_files(void);

struct subprocess_info {
	struct work_struct work;
	struct completion *complete;
	const char *path;
	int wait;
	int retval;
};

static void umh_complete(struct subprocess_info *sub_info)
{
	struct completion *comp = sub_info->complete;

	sub_info->complete = NULL;
	/*
	 * See call_usermodehelper_exec(). If xchg() returns NULL
	 * we own sub_info, the UMH_KILLABLE caller has gone away
	 * or the caller used UMH_NO_WAIT.
	 */
	if (comp)
		complete(comp);
	else
		kfree(sub_info);
}

/*
 * This is the task which runs the usermode application
 */
static int call_usermodehelper_exec_async(void *data)
{
	struct subprocess_info *sub_info = data;
	int retval;

	/* kernel_execve() -> begin_new_exec() switches to a private table */
	retval = unshare_files();	/* expect: fput-sync-before-complete {{runs before umh_complete\(\)}} */
	sub_info->retval = retval;
	if (!(sub_info->wait & UMH_WAIT_PROC))
		umh_complete(sub_info);
	return 0;
}

/* Handles UMH_WAIT_PROC. */
static void call_usermodehelper_exec_sync(struct subprocess_info *sub_info)
{
	pid_t pid;

	pid = user_mode_thread(call_usermodehelper_exec_async, sub_info, 0);
	if (pid < 0)
		sub_info->retval = pid;

	umh_complete(sub_info);
}

static void call_usermodehelper_exec_work(struct work_struct *work)
{
	struct subprocess_info *sub_info =
		container_of(work, struct subprocess_info, work);

	if (sub_info->wait & UMH_WAIT_PROC) {
		call_usermodehelper_exec_sync(sub_info);
	} else {
		pid_t pid;

		pid = user_mode_thread(call_usermodehelper_exec_async, sub_info,
				       CLONE_PARENT);
		if (pid < 0) {
			sub_info->retval = pid;
			umh_complete(sub_info);
		}
	}
}

struct subprocess_info *call_usermodehelper_setup(const char *path,
						  int wait)
{
	struct subprocess_info *sub_info;

	sub_info = kzalloc(sizeof(*sub_info), GFP_KERNEL);
	if (!sub_info)
		return NULL;

	INIT_WORK(&sub_info->work, call_usermodehelper_exec_work);
	sub_info->path = path;
	sub_info->wait = wait;
	return sub_info;
}

int call_usermodehelper_exec(struct subprocess_info *sub_info)
{
	DECLARE_COMPLETION_ONSTACK(done);

	sub_info->complete = &done;
	queue_work(system_unbound_wq, &sub_info->work);
	wait_for_completion(&done);
	return sub_info->retval;
}
