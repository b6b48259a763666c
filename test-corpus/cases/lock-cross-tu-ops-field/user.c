/*
 * Cross-TU chains, third TU: locked calls whose chains run through the
 * other two files, one through the helper and the exported function, one
 * straight through the ops field whose store is in provider.c.
 */
#include "blob.h"

void blob_detach(struct blob *b)
{
	spin_lock(&b->slock);	/* note: {{acquired here}} */
	blob_close(b);	/* expect: fput-sync-atomic {{\(blob_close -> blob_drop -> blob_file_release -> __fput_sync\)}} */
	spin_unlock(&b->slock);
}

void blob_reset(struct blob *b)
{
	mutex_lock(&b->mlock);
	b->ops->release(b);	/* expect: fput-sync-locked {{'b->mlock'}} */
	mutex_unlock(&b->mlock);
}
