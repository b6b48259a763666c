/*
 * A field every subsystem fills (notifier_block.notifier_call has hundreds
 * of targets in a kernel tree) says nothing about which function a call
 * through it reaches.  With more targets than rules/calls.yaml
 * max_field_targets (8), stored from more than one directory (here kernel/
 * and drivers/), a call through the field is not followed; the notifier
 * that syncs, called by name, still is.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

#include "../notifier.h"

static struct file *state_file;

static int india_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	__fput_sync(state_file);	/* note: {{india_notify\(\) calls __fput_sync\(\)}} */
	return 0;
}

static struct notifier_block india_nb = {
	.notifier_call = india_notify,
};

static DEFINE_MUTEX(chain_mutex);

int chain_call(struct notifier_block *head, unsigned long val, void *v)
{
	struct notifier_block *nb;
	int ret = 0;

	mutex_lock(&chain_mutex);
	for (nb = head; nb; nb = nb->next)
		ret = nb->notifier_call(nb, val, v);
	mutex_unlock(&chain_mutex);
	return ret;
}

void chain_shutdown(void)
{
	mutex_lock(&chain_mutex);	/* note: {{mutex 'chain_mutex' acquired here by mutex_lock\(\)}} */
	india_notify(&india_nb, 0, NULL);	/* expect: fput-sync-locked {{mutex 'chain_mutex' held \(india_notify -> __fput_sync\)}} */
	mutex_unlock(&chain_mutex);
}
