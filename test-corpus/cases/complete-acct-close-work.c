/*
 * kernel/acct.c close_work() shape: __fput_sync() and then complete(); the
 * waiter in acct_pin_kill() may free the file's context once completed.
 */
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fs_pin {
	void (*kill)(struct fs_pin *);
};

struct bsd_acct_struct {
	struct fs_pin		pin;
	atomic_long_t		count;
	struct mutex		lock;
	int			active;
	unsigned long		needcheck;
	struct file		*file;
	struct work_struct	work;
	struct completion	done;
};

static void acct_write_process(struct bsd_acct_struct *acct);
static void fill_ac(struct bsd_acct_struct *acct);

static inline struct bsd_acct_struct *to_acct(struct fs_pin *p)
{
	return p ? container_of(p, struct bsd_acct_struct, pin) : NULL;
}

static void acct_pin_kill(struct fs_pin *pin)
{
	struct bsd_acct_struct *acct = to_acct(pin);
	mutex_lock(&acct->lock);
	/*
	 * Fill the accounting struct with the exiting task's info
	 * before punting to the workqueue.
	 */
	fill_ac(acct);
	schedule_work(&acct->work);
	wait_for_completion(&acct->done);
	mutex_unlock(&acct->lock);
}

static void close_work(struct work_struct *work)
{
	struct bsd_acct_struct *acct = container_of(work, struct bsd_acct_struct, work);
	struct file *file = acct->file;

	/* We were fired by acct_pin_kill() which holds acct->lock. */
	acct_write_process(acct);
	if (file->f_op->flush)
		file->f_op->flush(file, NULL);
	__fput_sync(file);	/* expect: fput-sync-before-complete {{^close_work\(\) warn: __fput_sync\(\) runs before complete\(\) at line 60;}} */
	complete(&acct->done);	/* note: {{completion signalled here: complete\(\)}} */
}

int acct_on(struct file *file)
{
	struct bsd_acct_struct *acct;

	acct = kzalloc(sizeof(struct bsd_acct_struct), GFP_KERNEL);
	if (!acct)
		return -ENOMEM;

	acct->file = file;
	acct->needcheck = 0;
	mutex_init(&acct->lock);
	INIT_WORK(&acct->work, close_work);
	init_completion(&acct->done);
	acct->pin.kill = acct_pin_kill;
	return 0;
}

static void fill_ac(struct bsd_acct_struct *acct)
{
	acct->needcheck++;
}

static void acct_write_process(struct bsd_acct_struct *acct)
{
	acct->active = 0;
}
