/*
 * kernel/panic.c shape: panic() runs the panic notifier chain, and one
 * notifier (md_notify_reboot() in drivers/md/md.c) ends in a synchronous
 * fput.  panic() never returns and the machine stops: nothing waits on that
 * release (rules/calls.yaml: terminal), so a BUG-style panic under a lock is
 * not a finding.  The notifier called directly under the lock is.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action,
			     void *data);
	struct notifier_block *next;
};

static struct notifier_block *panic_notifier_list;

static int notifier_call_chain(struct notifier_block **nl, unsigned long val,
			       void *v)
{
	struct notifier_block *nb;
	int ret = 0;

	for (nb = *nl; nb; nb = nb->next)
		ret = nb->notifier_call(nb, val, v);
	return ret;
}

void panic(const char *fmt, ...)
{
	notifier_call_chain(&panic_notifier_list, 0, (void *)fmt);
	for (;;)
		;
}

static struct file *journal_file;

static int journal_notify_reboot(struct notifier_block *nb,
				 unsigned long action, void *data)
{
	__fput_sync(journal_file);
	return 0;
}

static struct notifier_block journal_reboot_notifier = {
	.notifier_call = journal_notify_reboot,
};

struct journal {
	spinlock_t lock;
	int state;
};

void journal_check(struct journal *j)
{
	spin_lock(&j->lock);
	if (j->state < 0)
		panic("journal state %d", j->state);
	spin_unlock(&j->lock);
}

void journal_shutdown(struct journal *j)
{
	spin_lock(&j->lock);	/* note: {{acquired here}} */
	journal_notify_reboot(&journal_reboot_notifier, 0, NULL);	/* expect: fput-sync-atomic {{\(journal_notify_reboot -> __fput_sync\)}} */
	spin_unlock(&j->lock);
}
