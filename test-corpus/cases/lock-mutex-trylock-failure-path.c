/*
 * Negative: mutex_trylock() returns 1 on success; the sync call sits on the
 * failure path, where the mutex is not held.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

struct cgroup_bpf_link {
	struct mutex lock;
	struct file *prog_file;
	unsigned int attach_cnt;
};

int cgroup_bpf_link_detach(struct cgroup_bpf_link *link, struct file *pending)
{
	if (!mutex_trylock(&link->lock)) {
		/* busy: drop the caller's reference without touching link */
		__fput_sync(pending);
		return -EBUSY;
	}

	link->attach_cnt--;
	link->prog_file = pending;
	mutex_unlock(&link->lock);
	return 0;
}
