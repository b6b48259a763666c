/*
 * Fault queues, as in drivers/iommu/iommufd/fault.c: the FAULT kind has a
 * file, so aborting one releases it synchronously, under the IOAS mutex
 * here, and through the same helper as a page table. An IOAS aborted by
 * the kind-tested helper releases one too.
 */
#include "iommufd.h"

int iommufd_fault_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas)
{
	struct iommufd_fault *fault;

	fault = iommufd_object_alloc(ictx, fault, IOMMUFD_OBJ_FAULT);
	if (IS_ERR(fault))
		return PTR_ERR(fault);
	mutex_lock(&ioas->mutex);
	if (!fault->filep)
		iommufd_object_abort_and_destroy(ictx, &fault->obj);	/* expect: fput-sync-locked {{mutex 'ioas->mutex' held \(iommufd_object_abort_and_destroy -> __fput_sync\)}} */
	else
		iommufd_hwpt_drop(ictx, &fault->obj);	/* expect: fput-sync-locked {{\(iommufd_hwpt_drop -> iommufd_object_abort_and_destroy -> __fput_sync\)}} */
	mutex_unlock(&ioas->mutex);
	return 0;
}

static int iommufd_ioas_abort(struct iommufd_ctx *ictx)
{
	struct iommufd_ioas *ioas;

	ioas = iommufd_object_alloc(ictx, ioas, IOMMUFD_OBJ_IOAS);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	mutex_lock(&ictx->lock);
	iommufd_object_abort_kind(ictx, &ioas->obj);	/* expect: fput-sync-locked {{\(iommufd_object_abort_kind -> __fput_sync\)}} */
	mutex_unlock(&ictx->lock);
	return 0;
}

int iommufd_fault_abort_kind(struct iommufd_ctx *ictx)
{
	struct iommufd_fault *fault;

	fault = iommufd_object_alloc(ictx, fault, IOMMUFD_OBJ_FAULT);
	if (IS_ERR(fault))
		return PTR_ERR(fault);
	mutex_lock(&ictx->lock);
	iommufd_object_abort_kind(ictx, &fault->obj);
	mutex_unlock(&ictx->lock);
	return iommufd_ioas_abort(ictx);
}
