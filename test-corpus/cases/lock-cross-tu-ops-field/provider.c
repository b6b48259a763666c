/*
 * Cross-TU chains through a struct field: the ops table that stores
 * blob_file_release() in blob_ops.release lives here, and blob_drop() calls
 * through the field. An editor showing user.c or helper.c sees the chain
 * only through what the whole program stored (the reach facts).
 */
#include <linux/export.h>
#include <linux/file.h>
#include "blob.h"

static void blob_file_release(struct blob *b)
{
	struct file *filp = b->backing;

	b->backing = NULL;
	__fput_sync(filp);	/* note: {{blob_file_release\(\) calls __fput_sync\(\)}} */
}

const struct blob_ops blob_file_ops = {
	.release = blob_file_release,
};

void blob_drop(struct blob *b)
{
	b->ops->release(b);	/* expect: fput-sync-export {{blob_drop}} */
}
EXPORT_SYMBOL_GPL(blob_drop);
