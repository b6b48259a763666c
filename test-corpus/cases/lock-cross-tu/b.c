/*
 * Cross-TU chain, second TU: drops the backing file synchronously; takes no
 * lock itself.
 */
#include <linux/file.h>
#include "loopback.h"

void lo_release_backing(struct lo_device *lo)
{
	struct file *filp = lo->lo_backing_file;

	lo->lo_backing_file = NULL;
	if (filp)
		__fput_sync(filp);	/* note: {{lo_release_backing\(\) calls __fput_sync\(\)}} */
}
