/*
 * call_rcu() callback runs from RCU softirq processing; dropping the file
 * synchronously there is not allowed.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/fs.h>

struct bpf_link_prim {
	struct rcu_head rcu;
	struct file *prog_file;
	u32 id;
};

static void bpf_link_prim_free_rcu(struct rcu_head *rcu)
{
	struct bpf_link_prim *link = container_of(rcu, struct bpf_link_prim, rcu);

	__fput_sync(link->prog_file);	/* expect: fput-sync-irq {{reached in soft interrupt context from bpf_link_prim_free_rcu\(\)}} */
	kfree(link);
}

void bpf_link_prim_put(struct bpf_link_prim *link)
{
	call_rcu(&link->rcu, bpf_link_prim_free_rcu);	/* note: {{bpf_link_prim_free_rcu\(\) runs in soft interrupt context: registered by call_rcu\(\)}} */
}
