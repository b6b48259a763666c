/*
 * RCU read-side sections nest: a callee's own rcu_read_lock()/unlock() pair
 * does not end the caller's section.
 */
#include <linux/rcupdate.h>
#include <linux/file.h>
#include <linux/fs.h>

struct peer_cache {
	struct file *log;
	unsigned long hits;
};

static unsigned long peer_cache_hits(struct peer_cache *pc)
{
	unsigned long hits;

	rcu_read_lock();
	hits = pc->hits;
	rcu_read_unlock();
	return hits;
}

void peer_cache_flush(struct peer_cache *pc)
{
	rcu_read_lock();	/* note: {{RCU read lock held \(rcu_read_lock\(\)\) from here}} */
	if (peer_cache_hits(pc) == 0)
		__fput_sync(pc->log);	/* expect: fput-sync-atomic {{reached with RCU read lock held}} */
	rcu_read_unlock();
}
