/*
 * Linux 6.1 fs/file_table.c: __fput_sync() asserts a kernel thread and is
 * exported through the pre-6.5 include/linux/export.h, whose EXPORT_SYMBOL()
 * emits a __ksymtab section entry (not 6.5's .export_symbol asm) and whose
 * namespaces are bare identifiers made strings by __stringify(). The
 * export is what is reported, whatever the encoding.
 */
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/file.h>
#include <linux/fs.h>

/* include/linux/export.h, Linux 6.1, CONFIG_HAVE_ARCH_PREL32_RELOCATIONS. */
#define __KSYMTAB_ENTRY(sym, sec)					\
	__ADDRESSABLE(sym)						\
	asm("	.section \"___ksymtab" sec "+" #sym "\", \"a\"	\n"	\
	    "	.balign	4					\n"	\
	    "__ksymtab_" #sym ":				\n"	\
	    "	.long	" #sym "- .				\n"	\
	    "	.long	__kstrtab_" #sym "- .			\n"	\
	    "	.long	__kstrtabns_" #sym "- .			\n"	\
	    "	.previous					\n")

#define ___EXPORT_SYMBOL(sym, sec, ns)						\
	extern typeof(sym) sym;							\
	extern const char __kstrtab_##sym[];					\
	extern const char __kstrtabns_##sym[];					\
	asm("	.section \"__ksymtab_strings\",\"aMS\",%progbits,1	\n"	\
	    "__kstrtab_" #sym ":					\n"	\
	    "	.asciz 	\"" #sym "\"					\n"	\
	    "__kstrtabns_" #sym ":					\n"	\
	    "	.asciz 	\"" ns "\"					\n"	\
	    "	.previous						\n");	\
	__KSYMTAB_ENTRY(sym, sec)

#define __EXPORT_SYMBOL(sym, sec, ns)	___EXPORT_SYMBOL(sym, sec, ns)
#define _EXPORT_SYMBOL(sym, sec)	__EXPORT_SYMBOL(sym, sec, "")
#define EXPORT_SYMBOL(sym)		_EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym)		_EXPORT_SYMBOL(sym, "_gpl")
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__EXPORT_SYMBOL(sym, "_gpl", __stringify(ns))

static void __fput(struct file *file)
{
	file->f_op = NULL;
}

void __fput_sync(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count)) {
		struct task_struct *task = current;
		BUG_ON(!(task->flags & PF_KTHREAD));
		__fput(file);
	}
}

EXPORT_SYMBOL(__fput_sync);		/* expect: fput-sync-export {{sync variant __fput_sync\(\) is exported to modules by EXPORT_SYMBOL\(\)}} note: {{__fput_sync\(\) exported here by EXPORT_SYMBOL\(\)}} */

/*
 * A namespaced export (pre-6.13 bare-identifier namespace) of a helper that
 * a kernel thread calls: there __fput_sync() really releases.
 */
void demo_release_now(struct file *file)
{
	__fput_sync(file);		/* expect: fput-sync-export {{__fput_sync\(\) reachable from exported function demo_release_now\(\)}} */
}
EXPORT_SYMBOL_NS_GPL(demo_release_now, DEMO_NS);	/* note: {{demo_release_now\(\) exported here by EXPORT_SYMBOL_NS_GPL\(\)}} */

static int demo_reaper(void *data)
{
	while (!kthread_should_stop())
		demo_release_now(data);
	return 0;
}

void demo_reaper_start(struct file *file)
{
	kthread_run(demo_reaper, file, "demo-reaper");
}

/*
 * Exported too, but reached only from system calls: its __fput_sync()
 * would hit the BUG_ON() instead of releasing, so there is no chain.
 */
void demo_release_from_syscall(struct file *file)
{
	__fput_sync(file);
}
EXPORT_SYMBOL_GPL(demo_release_from_syscall);
