/* The request and its table's entry, shared by io_uring/ and drivers/. */
#ifndef CASE_DEMO_IO_URING_H
#define CASE_DEMO_IO_URING_H

#include <linux/mutex.h>
#include <linux/fs.h>

struct demo_ring_ctx {
	struct mutex	uring_lock;
};

struct demo_kiocb {
	u8			opcode;
	struct file		*file;
	struct demo_ring_ctx	*ctx;
};

struct demo_issue_def {
	unsigned		needs_file : 1;
	int (*issue)(struct demo_kiocb *, unsigned int);
};

#endif
