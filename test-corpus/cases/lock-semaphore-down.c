/*
 * down() on a counting semaphore: held until up(), reported as locked.
 */
#include <linux/semaphore.h>
#include <linux/file.h>
#include <linux/fs.h>

struct hsm_channel {
	struct semaphore sem;
	struct file *fw_image;
};

void hsm_channel_unload(struct hsm_channel *ch)
{
	down(&ch->sem);	/* note: {{semaphore 'ch->sem' acquired here by down\(\)}} */
	if (ch->fw_image)
		__fput_sync(ch->fw_image);	/* expect: fput-sync-locked {{semaphore 'ch->sem' held}} */
	ch->fw_image = NULL;
	up(&ch->sem);
}
