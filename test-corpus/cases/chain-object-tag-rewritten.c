/*
 * A kind that changes after allocation is not a tag: the state of a
 * connection is an enum set by its allocator, and later by a state change.
 * A release behind a test of the state is reached whatever state the
 * allocation gave, since the object may have moved on since.
 */
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/stddef.h>

enum conn_state {
	CONN_NEW,
	CONN_OPEN,
	CONN_CLOSING,
};

struct conn_base {
	enum conn_state state;
	struct file *filp;
};

struct conn {
	struct conn_base base;
	struct mutex lock;
};

static struct conn_base *conn_base_alloc(size_t size, enum conn_state state)
{
	struct conn_base *b = kzalloc(size, GFP_KERNEL);

	if (!b)
		return ERR_PTR(-ENOMEM);
	b->state = state;
	return b;
}

static void conn_set_closing(struct conn_base *b)
{
	b->state = CONN_CLOSING;
}

static void conn_release(struct conn_base *b)
{
	if (b->state == CONN_CLOSING)
		__fput_sync(b->filp);
}

struct conn *conn_open(void)
{
	struct conn *c = container_of(conn_base_alloc(sizeof(*c), CONN_NEW),
				      struct conn, base);

	conn_set_closing(&c->base);
	mutex_lock(&c->lock);
	conn_release(&c->base);	/* expect: fput-sync-locked {{\(conn_release -> __fput_sync\)}} */
	mutex_unlock(&c->lock);
	return c;
}
