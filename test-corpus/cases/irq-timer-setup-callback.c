/*
 * Timer callback registered with timer_setup() (macro over init_timer_key())
 * runs in softirq context and calls __fput_sync().
 */
#include <linux/timer.h>
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>

struct watchdog_dump {
	struct timer_list timer;
	struct file *dump_file;
	unsigned int timeouts;
};

static void watchdog_dump_timeout(struct timer_list *t)
{
	struct watchdog_dump *wd = from_timer(wd, t, timer);

	wd->timeouts++;
	if (wd->dump_file) {
		__fput_sync(wd->dump_file);	/* expect: fput-sync-irq {{reached in soft interrupt context from watchdog_dump_timeout\(\)}} */
		wd->dump_file = NULL;
	}
}

void watchdog_dump_arm(struct watchdog_dump *wd)
{
	timer_setup(&wd->timer, watchdog_dump_timeout, 0);	/* note: {{watchdog_dump_timeout\(\) runs in soft interrupt context}} */
	mod_timer(&wd->timer, jiffies + 5 * HZ);
}
