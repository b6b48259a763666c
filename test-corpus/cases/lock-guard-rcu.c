/*
 * guard(rcu)() (DEFINE_LOCK_GUARD_0 over rcu_read_lock()) keeps the RCU
 * read-side section open until the end of the function.
 */
#include <linux/rcupdate.h>
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

struct audit_tree_watch {
	struct file *exe_file;
};

struct audit_rule_ref {
	struct audit_tree_watch __rcu *watch;
};

void audit_rule_drop_exe(struct audit_rule_ref *ref)
{
	struct audit_tree_watch *w;

	guard(rcu)();	/* note: {{RCU read lock held \(rcu_read_lock\(\)\) from here}} */
	w = rcu_dereference(ref->watch);
	if (w && w->exe_file)
		__fput_sync(w->exe_file);	/* expect: fput-sync-atomic {{reached with RCU read lock held}} */
}
