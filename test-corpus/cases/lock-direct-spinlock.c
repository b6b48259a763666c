/*
 * __fput_sync() called directly under spin_lock(): the final __fput() can
 * sleep (->release, dput, mntput) while the spinlock is held.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct vchan_port {
	spinlock_t lock;
	struct file *backing;
	bool connected;
};

void vchan_port_disconnect(struct vchan_port *port)
{
	spin_lock(&port->lock);	/* note: {{acquired here}} */
	port->connected = false;
	if (port->backing) {
		__fput_sync(port->backing);	/* expect: fput-sync-atomic */
		port->backing = NULL;
	}
	spin_unlock(&port->lock);
}
