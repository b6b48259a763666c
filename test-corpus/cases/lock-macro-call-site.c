/*
 * The sync call comes from a local macro used under the spinlock; the
 * finding is reported on the line that uses the macro.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

#define CLOSE_AND_FORGET(f)		\
	do {				\
		__fput_sync(f);		\
		(f) = NULL;		\
	} while (0)

struct blk_trace_files {
	spinlock_t lock;
	struct file *msg_file;
	struct file *dropped_file;
};

void blk_trace_files_release(struct blk_trace_files *bt)
{
	spin_lock(&bt->lock);
	if (bt->msg_file)
		CLOSE_AND_FORGET(bt->msg_file);	/* expect: fput-sync-atomic note: {{blk_trace_files_release\(\) calls __fput_sync\(\)}} note@-2: {{acquired here}} */
	if (bt->dropped_file)
		CLOSE_AND_FORGET(bt->dropped_file);	/* expect: fput-sync-atomic note: {{blk_trace_files_release\(\) calls __fput_sync\(\)}} note@-4: {{acquired here}} */
	spin_unlock(&bt->lock);
}
