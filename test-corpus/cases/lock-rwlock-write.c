/*
 * write_lock() on an rwlock_t: atomic context until write_unlock().
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct binfmt_entry {
	rwlock_t lock;
	struct file *interp_file;
	bool enabled;
};

void binfmt_entry_remove(struct binfmt_entry *e)
{
	write_lock(&e->lock);	/* note: {{rwlock 'e->lock' acquired here}} */
	e->enabled = false;
	if (e->interp_file)
		__fput_sync(e->interp_file);	/* expect: fput-sync-atomic {{rwlock 'e->lock' held}} */
	e->interp_file = NULL;
	write_unlock(&e->lock);
}
