/*
 * Negative: guard(mutex) lives in an inner block; the mutex is released at
 * the end of that block, before __fput_sync() is called.
 */
#include <linux/mutex.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct trace_sink {
	struct mutex lock;
	struct file *out;
	unsigned long seq;
};

void trace_sink_close(struct trace_sink *sink)
{
	struct file *out;

	{
		guard(mutex)(&sink->lock);
		out = sink->out;
		sink->out = NULL;
		sink->seq++;
	}

	if (out)
		__fput_sync(out);
}
