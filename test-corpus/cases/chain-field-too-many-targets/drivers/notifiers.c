/* Drivers' notifiers: stores into the field from a second directory. */
#include <linux/fs.h>

#include "../notifier.h"


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
