/*
 * Cross-TU chain: a.c holds lo_lock and calls lo_release_backing(), defined
 * in b.c, which calls __fput_sync(); reported at the call in a.c.
 */
#include <linux/spinlock.h>
#include "loopback.h"

#define LO_UNBOUND	0

void lo_clr_fd(struct lo_device *lo)
{
	spin_lock(&lo->lo_lock);	/* note: {{acquired here}} */
	lo->lo_state = LO_UNBOUND;
	lo_release_backing(lo);	/* expect: fput-sync-atomic {{\(lo_release_backing -> __fput_sync\)}} note: {{lo_clr_fd\(\) calls lo_release_backing\(\)}} */
	spin_unlock(&lo->lo_lock);
}
