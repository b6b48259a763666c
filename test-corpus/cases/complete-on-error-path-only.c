/*
 * Negative: complete() is only on the early-return error path, which never
 * reaches the sync call; on the path with __fput_sync() no complete follows.
 */
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

struct sev_fw_req {
	struct file *blob;
	int err;
	struct completion c;
};

int sev_fw_validate(struct file *blob);

int sev_fw_req_run(struct sev_fw_req *req)
{
	int err = sev_fw_validate(req->blob);

	if (err) {
		req->err = err;
		complete(&req->c);
		return err;
	}

	__fput_sync(req->blob);
	req->blob = NULL;
	return 0;
}
