/*
 * Cross-TU chains, second TU: a helper in a file of its own that takes no
 * lock; the chain passes through it.
 */
#include "blob.h"

void blob_close(struct blob *b)
{
	blob_drop(b);	/* note: {{blob_close\(\) calls blob_drop\(\)}} */
}
