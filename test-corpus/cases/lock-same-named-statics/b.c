/*
 * Same-named statics, second TU: this release_file() calls __fput_sync()
 * but is only called without locks held, so nothing is reported.
 */
#include <linux/file.h>
#include <linux/fs.h>

struct dump_target {
	struct file *filp;
	bool active;
};

static void release_file(struct file *f)
{
	__fput_sync(f);
}

void dump_target_close(struct dump_target *t)
{
	t->active = false;
	if (t->filp)
		release_file(t->filp);
	t->filp = NULL;
}
