/* fputcheck-options: --assume-sync filp_close */
/*
 * io_uring/io_uring.c shape: io_issue_sqe() calls def->issue() with
 * def = &io_issue_defs[req->opcode], a constant table (io_uring/opdef.c).
 * The field has more targets than rules' max_field_targets, which bounds
 * guesses about unknown objects; through the known table the targets are
 * exactly its initializer's, so io_close() -> filp_close() under
 * ctx->uring_lock is found. A call through the same field of an unknown
 * object, from another directory (drivers/issue_any.c), is still a guess
 * and stays unfollowed.
 */
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>

#include "../demo_io_uring.h"

static int demo_nop(struct demo_kiocb *req, unsigned int f) { return 0; }
static int demo_read(struct demo_kiocb *req, unsigned int f) { return 1; }
static int demo_write(struct demo_kiocb *req, unsigned int f) { return 2; }
static int demo_fsync(struct demo_kiocb *req, unsigned int f) { return 3; }
static int demo_poll(struct demo_kiocb *req, unsigned int f) { return 4; }
static int demo_timeout(struct demo_kiocb *req, unsigned int f) { return 5; }
static int demo_accept(struct demo_kiocb *req, unsigned int f) { return 6; }
static int demo_connect(struct demo_kiocb *req, unsigned int f) { return 7; }
static int demo_openat(struct demo_kiocb *req, unsigned int f) { return 8; }

static int demo_close(struct demo_kiocb *req, unsigned int issue_flags)
{
	return filp_close(req->file, NULL);	/* note: {{demo_close\(\) calls filp_close\(\)}} */
}

enum {
	DEMO_OP_NOP, DEMO_OP_READ, DEMO_OP_WRITE, DEMO_OP_FSYNC, DEMO_OP_POLL,
	DEMO_OP_TIMEOUT, DEMO_OP_ACCEPT, DEMO_OP_CONNECT, DEMO_OP_OPENAT,
	DEMO_OP_CLOSE, DEMO_OP_LAST,
};

const struct demo_issue_def demo_issue_defs[] = {
	[DEMO_OP_NOP]		= { .issue = demo_nop },
	[DEMO_OP_READ]		= { .needs_file = 1, .issue = demo_read },
	[DEMO_OP_WRITE]		= { .needs_file = 1, .issue = demo_write },
	[DEMO_OP_FSYNC]		= { .needs_file = 1, .issue = demo_fsync },
	[DEMO_OP_POLL]		= { .needs_file = 1, .issue = demo_poll },
	[DEMO_OP_TIMEOUT]	= { .issue = demo_timeout },
	[DEMO_OP_ACCEPT]	= { .needs_file = 1, .issue = demo_accept },
	[DEMO_OP_CONNECT]	= { .needs_file = 1, .issue = demo_connect },
	[DEMO_OP_OPENAT]	= { .issue = demo_openat },
	[DEMO_OP_CLOSE]		= { .issue = demo_close },
};

static int demo_issue_sqe(struct demo_kiocb *req, unsigned int issue_flags)
{
	const struct demo_issue_def *def = &demo_issue_defs[req->opcode];

	return def->issue(req, issue_flags);	/* note: {{demo_issue_sqe\(\) calls demo_close\(\)}} */
}

int demo_submit_sqe(struct demo_kiocb *req)
{
	struct demo_ring_ctx *ctx = req->ctx;
	int ret;

	mutex_lock(&ctx->uring_lock);	/* note: {{mutex 'ctx->uring_lock' acquired here by mutex_lock\(\)}} */
	ret = demo_issue_sqe(req, 0);	/* expect: fput-sync-locked {{mutex 'ctx->uring_lock' held \(demo_issue_sqe -> demo_close -> filp_close\)}} */
	mutex_unlock(&ctx->uring_lock);
	return ret;
}
