/*
 * fs/coredump.c dump_vma_snapshot(): mmap_write_lock_killable() (see the
 * mock) holds mm->mmap_lock only when it returns 0, and tests that result
 * itself before returning it, so it is a trylock whose success is zero.
 * The snapshot returns early when it fails and unlocks on every other path:
 * its caller holds nothing afterwards (and certainly not a lock named after
 * its argument "cprm").
 */
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>

struct coredump_params {
	struct file *file;
	int vma_count;
	void *vma_meta;
};

static bool dump_vma_snapshot(struct coredump_params *cprm)
{
	struct mm_struct *mm = current->mm;

	if (mmap_write_lock_killable(mm))
		return false;

	cprm->vma_count = mm->map_count;
	cprm->vma_meta = kzalloc(cprm->vma_count, GFP_KERNEL);
	if (!cprm->vma_meta) {
		mmap_write_unlock(mm);
		return false;
	}

	mmap_write_unlock(mm);
	return true;
}

void do_coredump(struct coredump_params *cprm)
{
	if (!dump_vma_snapshot(cprm))
		goto close_fail;

	kfree(cprm->vma_meta);
close_fail:
	__fput_sync(cprm->file);
}

/* Where the wrapper succeeded, the lock is held. */
int coredump_write_locked(struct mm_struct *mm, struct file *file)
{
	if (mmap_write_lock_killable(mm))	/* note: {{rw_semaphore 'mm->mmap_lock' acquired here}} */
		return -EINTR;

	__fput_sync(file);	/* expect: fput-sync-locked {{rw_semaphore 'mm->mmap_lock' held}} */
	mmap_write_unlock(mm);
	return 0;
}
