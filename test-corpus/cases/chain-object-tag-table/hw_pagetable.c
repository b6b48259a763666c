/*
 * Page tables, as in drivers/iommu/iommufd/hw_pagetable.c: a hw_pagetable
 * is only ever allocated as a paging or a nested table, and neither kind
 * has a file, so aborting one under the IOAS mutex releases nothing, even
 * when the object goes through a helper's parameter first.
 */
#include "iommufd.h"
#include <linux/export.h>

struct iommufd_hwpt_paging *
iommufd_hwpt_paging_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas)
{
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_hw_pagetable *hwpt;

	hwpt_paging = __iommufd_object_alloc(ictx, hwpt_paging,
					     IOMMUFD_OBJ_HWPT_PAGING, common.obj);
	if (IS_ERR(hwpt_paging))
		return hwpt_paging;
	hwpt = &hwpt_paging->common;
	hwpt_paging->ioas = ioas;
	if (!hwpt->domain)
		goto out_abort;
	return hwpt_paging;

out_abort:
	iommufd_object_abort_and_destroy(ictx, &hwpt->obj);
	return ERR_PTR(-ENOMEM);
}

static struct iommufd_hwpt_nested *
iommufd_hwpt_nested_alloc(struct iommufd_ctx *ictx,
			  struct iommufd_hwpt_paging *parent)
{
	struct iommufd_hwpt_nested *hwpt_nested;

	hwpt_nested = __iommufd_object_alloc(ictx, hwpt_nested,
					     IOMMUFD_OBJ_HWPT_NESTED, common.obj);
	if (IS_ERR(hwpt_nested))
		return hwpt_nested;
	hwpt_nested->parent = parent;
	return hwpt_nested;
}

void iommufd_hwpt_drop(struct iommufd_ctx *ictx, struct iommufd_object *obj)
{
	iommufd_object_abort_and_destroy(ictx, obj);
}

int iommufd_hwpt_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas)
{
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_hwpt_nested *hwpt_nested;
	struct iommufd_hw_pagetable *hwpt;

	mutex_lock(&ioas->mutex);
	hwpt_paging = iommufd_hwpt_paging_alloc(ictx, ioas);
	if (IS_ERR(hwpt_paging)) {
		mutex_unlock(&ioas->mutex);
		return PTR_ERR(hwpt_paging);
	}
	hwpt = &hwpt_paging->common;
	if (!hwpt->domain)
		iommufd_object_abort_and_destroy(ictx, &hwpt->obj);
	hwpt_nested = iommufd_hwpt_nested_alloc(ictx, hwpt_paging);
	if (!IS_ERR(hwpt_nested))
		iommufd_hwpt_drop(ictx, &hwpt_nested->common.obj);
	mutex_unlock(&ioas->mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(iommufd_hwpt_alloc);
