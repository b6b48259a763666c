/*
 * guard(mutex) holds the mutex until the end of the function, so the
 * fput_close_sync() after it runs with the mutex held.
 */
#include <linux/mutex.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fw_loader {
	struct mutex lock;
	struct file *fw_file;
	size_t fw_size;
};

void fw_loader_release(struct fw_loader *ldr)
{
	guard(mutex)(&ldr->lock);	/* note: {{mutex 'ldr->lock' acquired here by mutex_lock\(\)}} */

	if (!ldr->fw_file)
		return;

	ldr->fw_size = 0;
	fput_close_sync(ldr->fw_file);	/* expect: fput-sync-locked {{fput_close_sync\(\) reached with mutex 'ldr->lock' held}} */
	ldr->fw_file = NULL;
}
