/*
 * fs/file_table.c, fs/namespace.c and fs/super.c shapes: fput() frees a
 * never-opened file on the spot, and that path goes on through path_put(),
 * mntput() and deactivate_super() to a ->kill_sb that closes a file with
 * __fput_sync() (nfsd_umount() does, via the file cache).  fput() and
 * mntput() defer the release of anything that was opened or mounted
 * (rules/calls.yaml: deferring), so fput() under a spinlock is the safe
 * case the whole kernel relies on.  deactivate_super() under the same lock
 * is not.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

#define FMODE_OPENED	((__force fmode_t)(1 << 19))
#define FMODE_BACKING	((__force fmode_t)(1 << 25))

struct super_block;

struct file_system_type {
	const char *name;
	void (*kill_sb)(struct super_block *);
};

struct super_block {
	struct file_system_type *s_type;
	struct file *s_cache_file;
	atomic_t s_active;
};

struct vfsmount {
	struct super_block *mnt_sb;
	int mnt_flags;
};

#define MNT_INTERNAL	0x4000

void task_work_defer_mnt(struct vfsmount *mnt);
void task_work_defer_file(struct file *file);

void deactivate_super(struct super_block *s)
{
	if (atomic_dec_and_test(&s->s_active))
		s->s_type->kill_sb(s);	/* note: {{deactivate_super\(\) calls cachefs_kill_sb\(\) when atomic_dec_and_test\(\) drops the last reference}} */
}

static void cleanup_mnt(struct vfsmount *mnt)
{
	deactivate_super(mnt->mnt_sb);
}

static void mntput_no_expire(struct vfsmount *mnt)
{
	if (likely(!(mnt->mnt_flags & MNT_INTERNAL))) {
		task_work_defer_mnt(mnt);
		return;
	}
	cleanup_mnt(mnt);
}

void mntput(struct vfsmount *mnt)
{
	if (mnt)
		mntput_no_expire(mnt);
}

void path_put(const struct path *path)
{
	mntput(path->mnt);
}

static void file_free(struct file *f)
{
	if (unlikely(f->f_mode & FMODE_BACKING))
		path_put(&f->f_path);
}

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count)) {
		if (unlikely(!(file->f_mode & (FMODE_BACKING | FMODE_OPENED)))) {
			file_free(file);
			return;
		}
		task_work_defer_file(file);
	}
}

/* fs/nfsd/nfsctl.c shape: unmounting nfsd shuts the file cache down. */
static void cachefs_kill_sb(struct super_block *sb)
{
	__fput_sync(sb->s_cache_file);	/* note: {{cachefs_kill_sb\(\) calls __fput_sync\(\)}} */
}

struct file_system_type cachefs_type = {
	.name		= "cachefs",
	.kill_sb	= cachefs_kill_sb,
};

struct file_slot {
	spinlock_t lock;
	struct file *file;
	struct super_block *sb;
};

void file_slot_clear(struct file_slot *slot)
{
	spin_lock(&slot->lock);
	fput(slot->file);
	slot->file = NULL;
	spin_unlock(&slot->lock);
}

void file_slot_drop_sb(struct file_slot *slot)
{
	spin_lock(&slot->lock);	/* note: {{acquired here}} */
	deactivate_super(slot->sb);	/* expect: fput-sync-atomic {{, only when deactivate_super\(\) drops the last reference \(deactivate_super -> cachefs_kill_sb -> __fput_sync\)}} */
	slot->sb = NULL;
	spin_unlock(&slot->lock);
}
