/*
 * EXPORT_SYMBOL_NS_GPL (namespaced export) of a function that calls
 * fput_close_sync() directly.
 */
#include <linux/export.h>
#include <linux/file.h>
#include <linux/fs.h>

struct iommufd_fault_queue {
	struct file *filep;
	int fdno;
};

void iommufd_fault_queue_destroy(struct iommufd_fault_queue *fq)
{
	if (fq->filep)
		fput_close_sync(fq->filep);	/* expect: fput-sync-export {{fput_close_sync\(\) reachable from exported function iommufd_fault_queue_destroy\(\)}} */
	fq->filep = NULL;
	fq->fdno = -1;
}
EXPORT_SYMBOL_NS_GPL(iommufd_fault_queue_destroy, IOMMUFD);	/* note: {{iommufd_fault_queue_destroy\(\) exported here by EXPORT_SYMBOL_NS_GPL\(\)}} */
