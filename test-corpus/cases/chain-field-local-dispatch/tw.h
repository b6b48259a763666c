/* A subsystem's task-work request, as io_uring's struct io_kiocb. */
#ifndef CASE_TW_H
#define CASE_TW_H

#include <linux/fs.h>
#include <linux/mutex.h>

struct tw_req;
typedef void (*tw_func_t)(struct tw_req *req);

struct tw_work {
	tw_func_t func;
};

struct tw_req {
	struct tw_work work;
	struct file *file;
	struct mutex *lock;
};

void tw_poll_func(struct tw_req *req);
void tw_rw_complete(struct tw_req *req);
void tw_queue(struct tw_req *req, tw_func_t func);

#endif
