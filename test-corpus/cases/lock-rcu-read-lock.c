/*
 * rcu_read_lock() disables preemption (non-preemptible RCU): an RCU
 * read-side critical section must not sleep in __fput().
 */
#include <linux/rcupdate.h>
#include <linux/file.h>
#include <linux/fs.h>

struct nf_hook_priv {
	struct file *trace_file;
};

struct nf_hook_entry {
	struct nf_hook_priv __rcu *priv;
};

void nf_hook_drop_trace(struct nf_hook_entry *e)
{
	struct nf_hook_priv *priv;

	rcu_read_lock();	/* note: {{RCU read lock held \(rcu_read_lock\(\)\) from here}} */
	priv = rcu_dereference(e->priv);
	if (priv && priv->trace_file) {
		__fput_sync(priv->trace_file);	/* expect: fput-sync-atomic {{reached with RCU read lock held}} */
		priv->trace_file = NULL;
	}
	rcu_read_unlock();
}
