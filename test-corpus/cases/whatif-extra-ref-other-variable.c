/* fputcheck-options: --assume-sync filp_close */
/*
 * The extra reference must be on the variable that is closed: one taken
 * on another file, or on a variable that was assigned another file since,
 * does not keep this one open. Both are reported.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_pair {
	struct mutex	lock;
	struct file	*in;
	struct file	*out;
};

void demo_pair_close_in(struct demo_pair *p, struct file *in,
			struct file *out)
{
	mutex_lock(&p->lock);	/* note: {{mutex 'p->lock' acquired here by mutex_lock\(\)}} */
	get_file(out);
	filp_close(in, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'p->lock' held}} */
	mutex_unlock(&p->lock);
	fput(out);
}

void demo_pair_close_swapped(struct demo_pair *p, struct file *fp)
{
	mutex_lock(&p->lock);	/* note: {{mutex 'p->lock' acquired here by mutex_lock\(\)}} */
	get_file(fp);
	fp = p->out;
	filp_close(fp, NULL);	/* expect: fput-sync-locked {{filp_close\(\) reached with mutex 'p->lock' held}} */
	mutex_unlock(&p->lock);
}

/* The extra reference on the file that is closed: silent. */
void demo_pair_close_out(struct demo_pair *p, struct file *out)
{
	mutex_lock(&p->lock);
	get_file(out);
	filp_close(out, NULL);
	mutex_unlock(&p->lock);
	fput(out);
}
