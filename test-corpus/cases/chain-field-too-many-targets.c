/*
 * A field every subsystem fills (notifier_block.notifier_call has hundreds
 * of targets in a kernel tree) says nothing about which function a call
 * through it reaches.  With more targets than rules/calls.yaml
 * max_field_targets (8), a call through the field is not followed; the
 * notifier that syncs, called by name, still is.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action,
			     void *data);
	struct notifier_block *next;
};

static struct file *state_file;

static int alpha_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block alpha_nb = {
	.notifier_call = alpha_notify,
};

static int bravo_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block bravo_nb = {
	.notifier_call = bravo_notify,
};

static int charlie_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block charlie_nb = {
	.notifier_call = charlie_notify,
};

static int delta_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block delta_nb = {
	.notifier_call = delta_notify,
};

static int echo_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block echo_nb = {
	.notifier_call = echo_notify,
};

static int foxtrot_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block foxtrot_nb = {
	.notifier_call = foxtrot_notify,
};

static int golf_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block golf_nb = {
	.notifier_call = golf_notify,
};

static int hotel_notify(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	(void)data;
	return 0;
}

static struct notifier_block hotel_nb = {
	.notifier_call = hotel_notify,
};

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
