/*
 * A wrapper that locks a member of an object its argument points to, as
 * drivers lock a port's device (mutex_lock(&port->dev->lock)): the lock
 * the caller holds is port->dev->lock, every step through a pointer, and
 * the note and the message must name it so.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct demo_dev {
	struct mutex lock;
	int users;
};

struct demo_port {
	struct demo_dev *dev;
	struct file *file;
};

static void demo_port_lock(struct demo_port *port)
{
	mutex_lock(&port->dev->lock);
}

static void demo_port_unlock(struct demo_port *port)
{
	mutex_unlock(&port->dev->lock);
}

void demo_port_close(struct demo_port *port)
{
	demo_port_lock(port);	/* note: {{mutex 'port->dev->lock' acquired here}} */
	port->dev->users--;
	__fput_sync(port->file);	/* expect: fput-sync-locked {{mutex 'port->dev->lock' held}} */
	demo_port_unlock(port);
}

void demo_port_detach(struct demo_port *port)
{
	struct file *file;

	demo_port_lock(port);
	file = port->file;
	port->file = NULL;
	demo_port_unlock(port);
	__fput_sync(file);
}
