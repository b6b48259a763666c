/*
 * Negative: the spinlock is taken on the error path only to bump an error
 * counter and is released again before __fput_sync().
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct jrnl_stats {
	spinlock_t lock;
	unsigned long write_errors;
};

struct jrnl {
	struct jrnl_stats stats;
	struct file *log_file;
};

int jrnl_flush_fs(struct file *filp);

int jrnl_close_log(struct jrnl *j)
{
	struct file *filp = j->log_file;
	int err;

	err = jrnl_flush_fs(filp);
	if (err) {
		spin_lock(&j->stats.lock);
		j->stats.write_errors++;
		spin_unlock(&j->stats.lock);
	}

	j->log_file = NULL;
	__fput_sync(filp);
	return err;
}
