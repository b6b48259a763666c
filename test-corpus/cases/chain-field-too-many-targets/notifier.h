/* The notifier block shared by kernel/ and drivers/ of this case. */
#ifndef CASE_NOTIFIER_H
#define CASE_NOTIFIER_H

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action,
			     void *data);
	struct notifier_block *next;
};

#endif
