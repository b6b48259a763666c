/*
 * The sync variant sits in a callee: release_and_signal() calls drop_file()
 * (which calls __fput_sync()) and then complete(); reported at the call.
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fw_upload_req {
	struct file *image;
	int status;
	struct completion done;
};

static void drop_file(struct fw_upload_req *req)
{
	if (req->image)
		__fput_sync(req->image);	/* note: {{drop_file\(\) calls __fput_sync\(\)}} */
	req->image = NULL;
}

void release_and_signal(struct fw_upload_req *req, int status)
{
	req->status = status;
	drop_file(req);	/* expect: fput-sync-before-complete {{runs before complete\(\) at line 26;}} {{\(drop_file -> __fput_sync\)}} */
	complete(&req->done);	/* note: {{completion signalled here: complete\(\)}} */
}
