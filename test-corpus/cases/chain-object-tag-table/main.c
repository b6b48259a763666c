/*
 * The object core, as in drivers/iommu/iommufd/main.c: the one allocator
 * sets the kind, and aborting an object releases its file synchronously
 * only for kinds whose ops name one (file_offset), here the FAULT kind.
 */
#include "iommufd.h"
#include <linux/export.h>
#include <linux/file.h>
#include <linux/slab.h>

struct iommufd_object_ops {
	void (*destroy)(struct iommufd_object *obj);
	size_t file_offset;
};

static const struct iommufd_object_ops iommufd_object_ops[];

struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ictx,
					     size_t size,
					     enum iommufd_object_type type)
{
	struct iommufd_object *obj;

	obj = kzalloc(size, GFP_KERNEL);
	if (!obj)
		return ERR_PTR(-ENOMEM);
	obj->type = type;
	return obj;
}

void iommufd_object_abort_and_destroy(struct iommufd_ctx *ictx,
				      struct iommufd_object *obj)
{
	const struct iommufd_object_ops *ops = &iommufd_object_ops[obj->type];

	if (ops->file_offset) {
		struct file **filep = ((void *)obj) + ops->file_offset;

		if (*filep)
			__fput_sync(*filep);	/* note: {{iommufd_object_abort_and_destroy\(\) calls __fput_sync\(\)}} */
	}
	ops->destroy(obj);
}

/* The kind tested directly: only an IOAS releases a file here. */
void iommufd_object_abort_kind(struct iommufd_ctx *ictx,
			       struct iommufd_object *obj)
{
	struct iommufd_fault *fault = container_of(obj, struct iommufd_fault, obj);

	if (obj->type != IOMMUFD_OBJ_IOAS)
		return;
	__fput_sync(fault->filep);
}

static void iommufd_destroy(struct iommufd_object *obj)
{
	kfree(obj);
}

static const struct iommufd_object_ops iommufd_object_ops[] = {
	[IOMMUFD_OBJ_DEVICE] = {
		.destroy = iommufd_destroy,
	},
	[IOMMUFD_OBJ_HWPT_PAGING] = {
		.destroy = iommufd_destroy,
	},
	[IOMMUFD_OBJ_HWPT_NESTED] = {
		.destroy = iommufd_destroy,
	},
	[IOMMUFD_OBJ_IOAS] = {
		.destroy = iommufd_destroy,
	},
	[IOMMUFD_OBJ_FAULT] = {
		.destroy = iommufd_destroy,
		.file_offset = offsetof(struct iommufd_fault, filep),
	},
};
