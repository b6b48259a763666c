/*
 * Tasklet callback registered with tasklet_setup() runs in softirq context;
 * it reaches fput_close_sync() through a helper.
 */
#include <linux/interrupt.h>
#include <linux/file.h>
#include <linux/fs.h>

struct crypto_engine_req {
	struct tasklet_struct done_task;
	struct file *key_file;
	int err;
};

static void crypto_req_put_key(struct crypto_engine_req *req)
{
	fput_close_sync(req->key_file);	/* expect: fput-sync-irq {{reached in soft interrupt context from crypto_req_done_tasklet\(\) \(crypto_req_done_tasklet -> crypto_req_put_key -> fput_close_sync\)}} */
	req->key_file = NULL;
}

static void crypto_req_done_tasklet(struct tasklet_struct *t)
{
	struct crypto_engine_req *req = from_tasklet(req, t, done_task);

	if (req->err)
		crypto_req_put_key(req);
}

void crypto_engine_req_init(struct crypto_engine_req *req)
{
	tasklet_setup(&req->done_task, crypto_req_done_tasklet);	/* note: {{crypto_req_done_tasklet\(\) runs in soft interrupt context: registered by tasklet_setup\(\)}} */
}
