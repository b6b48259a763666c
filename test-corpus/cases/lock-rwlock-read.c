/*
 * read_lock() on an rwlock_t is a spinning lock (macro over
 * _raw_read_lock()).
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct binfmt_entry {
	rwlock_t lock;
	struct file *interp_file;
	bool enabled;
};

void binfmt_entry_disable(struct binfmt_entry *e)
{
	read_lock(&e->lock);	/* note: {{rwlock 'e->lock' acquired here}} */
	if (!e->enabled && e->interp_file)
		__fput_sync(e->interp_file);	/* expect: fput-sync-atomic {{rwlock 'e->lock' held}} */
	read_unlock(&e->lock);
}
