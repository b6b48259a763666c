/*
 * EXPORT_SYMBOL_GPL function reaching __fput_sync() through a static
 * helper: reported on the call in the exported function.
 */
#include <linux/export.h>
#include <linux/file.h>
#include <linux/fs.h>

struct iio_buffer_dmabuf {
	struct file *dmabuf_file;
	unsigned int attached;
};

static void iio_buffer_dmabuf_put_file(struct iio_buffer_dmabuf *b)
{
	if (b->dmabuf_file)
		__fput_sync(b->dmabuf_file);
	b->dmabuf_file = NULL;
}

void iio_buffer_dmabuf_detach(struct iio_buffer_dmabuf *b)
{
	if (--b->attached)
		return;
	iio_buffer_dmabuf_put_file(b);	/* expect: fput-sync-export {{reachable from exported function iio_buffer_dmabuf_detach\(\) \(iio_buffer_dmabuf_put_file -> __fput_sync\)}} */
}
EXPORT_SYMBOL_GPL(iio_buffer_dmabuf_detach);	/* note: {{iio_buffer_dmabuf_detach\(\) exported here by EXPORT_SYMBOL_GPL\(\)}} */
