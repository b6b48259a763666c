// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel() and rest_init() as in init/main.c. The boot CPU runs them
 * as the idle task, a kernel thread (rules: runs_in), although nothing in
 * the program calls start_kernel() (assembly does): creating init and
 * kthreadd cannot drop a last file reference before complete().
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/completion.h>

int kthreadd(void *unused);
void run_init_process(void);

static DECLARE_COMPLETION(kthreadd_done);

static int kernel_init(void *unused)
{
	wait_for_completion(&kthreadd_done);
	run_init_process();
	return 0;
}

static noinline void rest_init(void)
{
	/*
	 * We need to spawn init first so that it obtains pid 1, however
	 * the init task will end up wanting to create kthreads, which, if
	 * we schedule it before we create kthreadd, will OOPS.
	 */
	user_mode_thread(kernel_init, NULL, CLONE_FS);
	kernel_thread(kthreadd, NULL, NULL, CLONE_FS | CLONE_FILES);
	complete(&kthreadd_done);
}

void start_kernel(void)
{
	rest_init();
}
