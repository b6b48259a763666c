/*
 * spin_lock_bh(): spinlock held with softirqs disabled.
 */
#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>

struct tun_filter {
	spinlock_t lock;
	struct file *bpf_file;
	unsigned int count;
};

void tun_filter_detach(struct tun_filter *flt)
{
	spin_lock_bh(&flt->lock);	/* note: {{acquired here}} */
	flt->count = 0;
	if (flt->bpf_file)
		__fput_sync(flt->bpf_file);	/* expect: fput-sync-atomic */
	flt->bpf_file = NULL;
	spin_unlock_bh(&flt->lock);
}
