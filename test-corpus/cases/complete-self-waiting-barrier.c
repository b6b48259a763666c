/*
 * fs/nfsd/filecache.c nfsd_file_cache_shutdown() shape: the file cache is
 * purged with __fput_sync(), then rcu_barrier() runs.  rcu_barrier() calls
 * complete() on its own barrier_completion and waits for it itself: the
 * waiter it wakes is itself, not anyone the sync fput could hold up.  A
 * helper that completes and does not wait (finish_purge()) still counts.
 */
#include <linux/completion.h>
#include <linux/atomic.h>
#include <linux/file.h>
#include <linux/fs.h>

static struct completion barrier_completion;
static atomic_t barrier_cpu_count;

void rcu_barrier(void)
{
	init_completion(&barrier_completion);
	atomic_set(&barrier_cpu_count, 1);
	if (atomic_dec_and_test(&barrier_cpu_count))
		complete(&barrier_completion);
	wait_for_completion(&barrier_completion);
}

struct file_cache {
	struct file *cached;
	struct completion purged;
};

static void finish_purge(struct file_cache *fc)
{
	complete(&fc->purged);
}

void file_cache_shutdown(struct file_cache *fc)
{
	__fput_sync(fc->cached);
	fc->cached = NULL;
	rcu_barrier();
}

void file_cache_purge(struct file_cache *fc)
{
	__fput_sync(fc->cached);	/* expect: fput-sync-before-complete {{runs before finish_purge\(\) at line 46;}} */
	fc->cached = NULL;
	finish_purge(fc);	/* note: {{completion signalled here: finish_purge\(\) -> complete\(\)}} */
}
