//===- Snippets.h - Kernel-style C the store and review tests share -*- C++ -*-===//
//
// A small tree several tests build: a.c calls helper_put() under a spinlock,
// and c.c defines helper_put() (deferring, or made synchronous by a patch).
// Written against test-corpus/include like the corpus.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_SNIPPETS_H
#define FPUTCHECK_TESTS_SNIPPETS_H

namespace fputcheck {
namespace test {

/// a_close() holds p->lock across helper_put(), which another TU defines.
inline constexpr char LockedCaller[] = R"c(#include <linux/spinlock.h>
#include <linux/fs.h>
void helper_put(struct file *f);
struct a_port { spinlock_t lock; struct file *f; };
void a_close(struct a_port *p)
{
	spin_lock(&p->lock);
	helper_put(p->f);
	spin_unlock(&p->lock);
}
)c";

} // namespace test
} // namespace fputcheck

#endif
