//===- Snippets.h - Kernel-style C the store and review tests share -*- C++ -*-===//
//
// A small tree several tests build: a.c calls helper_put() under a spinlock,
// and c.c defines helper_put() (deferring, or made synchronous by a patch).
// Written against test-corpus/include like the corpus.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_SNIPPETS_H
#define FPUTCHECK_TESTS_SNIPPETS_H

#include <string>

namespace fputcheck {
namespace test {

/// a_close() holds p->lock across helper_put(), defined in another TU and
/// declared before this text (a header, or LockedCaller's declaration).
inline constexpr char LockedCallerBody[] = R"c(struct a_port { spinlock_t lock; struct file *f; };
void a_close(struct a_port *p)
{
	spin_lock(&p->lock);
	helper_put(p->f);
	spin_unlock(&p->lock);
}
)c";

/// The same, a whole file that declares helper_put() itself.
inline const std::string LockedCaller = std::string(R"c(#include <linux/spinlock.h>
#include <linux/fs.h>
void helper_put(struct file *f);
)c") + LockedCallerBody;

} // namespace test
} // namespace fputcheck

#endif
