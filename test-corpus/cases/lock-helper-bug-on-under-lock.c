/*
 * A helper that takes and drops a mutex, with a BUG_ON() in between. The
 * BUG() path never returns, so the helper returns with the mutex released on
 * every path and its caller holds nothing (the kernel/exit.c exit_mm() shape).
 */
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct snap_table {
	struct mutex lock;
	unsigned int busy;
	unsigned int count;
	struct file *file;
};

static void snap_table_reset(struct snap_table *t)
{
	mutex_lock(&t->lock);
	BUG_ON(t->busy);
	t->count = 0;
	mutex_unlock(&t->lock);
}

void snap_table_close(struct snap_table *t)
{
	snap_table_reset(t);
	__fput_sync(t->file);
}
