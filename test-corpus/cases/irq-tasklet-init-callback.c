/*
 * Old-style tasklet_init(t, func, data) callback (softirq context) that
 * calls __fput_sync() directly.
 */
#include <linux/interrupt.h>
#include <linux/file.h>
#include <linux/fs.h>

struct isdn_chan {
	struct tasklet_struct rx_task;
	struct file *trace_file;
	bool closing;
};

static void isdn_chan_rx_tasklet(unsigned long data)
{
	struct isdn_chan *ch = (struct isdn_chan *)data;

	if (ch->closing && ch->trace_file) {
		__fput_sync(ch->trace_file);	/* expect: fput-sync-irq {{reached in soft interrupt context from isdn_chan_rx_tasklet\(\)}} */
		ch->trace_file = NULL;
	}
}

void isdn_chan_init(struct isdn_chan *ch)
{
	tasklet_init(&ch->rx_task, isdn_chan_rx_tasklet, (unsigned long)ch);	/* note: {{isdn_chan_rx_tasklet\(\) runs in soft interrupt context: registered by tasklet_init\(\)}} */
}
