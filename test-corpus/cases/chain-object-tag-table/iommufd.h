/*
 * Shared declarations of this case's translation units, shaped like
 * drivers/iommu/iommufd/iommufd_private.h (Linux 6.12): every object kind
 * embeds struct iommufd_object, whose enum type field says the kind; one
 * allocator sets it, and the macros hand back the container.
 */
#ifndef _IOMMUFD_CASE_H
#define _IOMMUFD_CASE_H

#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/stddef.h>

enum iommufd_object_type {
	IOMMUFD_OBJ_NONE,
	IOMMUFD_OBJ_ANY = IOMMUFD_OBJ_NONE,
	IOMMUFD_OBJ_DEVICE,
	IOMMUFD_OBJ_HWPT_PAGING,
	IOMMUFD_OBJ_HWPT_NESTED,
	IOMMUFD_OBJ_IOAS,
	IOMMUFD_OBJ_ACCESS,
	IOMMUFD_OBJ_FAULT,
	IOMMUFD_OBJ_MAX,
};

struct iommufd_object {
	unsigned int id;
	enum iommufd_object_type type;
};

struct iommufd_ctx {
	struct mutex lock;
};

struct iommufd_ioas {
	struct iommufd_object obj;
	struct mutex mutex;
};

struct iommufd_hw_pagetable {
	struct iommufd_object obj;
	void *domain;
};

struct iommufd_hwpt_paging {
	struct iommufd_hw_pagetable common;
	struct iommufd_ioas *ioas;
};

struct iommufd_hwpt_nested {
	struct iommufd_hw_pagetable common;
	struct iommufd_hwpt_paging *parent;
};

struct iommufd_fault {
	struct iommufd_object obj;
	struct file *filep;
};

struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ictx,
					     size_t size,
					     enum iommufd_object_type type);

#define __iommufd_object_alloc(ictx, ptr, type, obj)                           \
	container_of(_iommufd_object_alloc(                                    \
			     ictx,                                             \
			     sizeof(*(ptr)) + BUILD_BUG_ON_ZERO(               \
						      offsetof(typeof(*(ptr)), \
							       obj) != 0),     \
			     type),                                            \
		     typeof(*(ptr)), obj)

#define iommufd_object_alloc(ictx, ptr, type) \
	__iommufd_object_alloc(ictx, ptr, type, obj)

void iommufd_object_abort_and_destroy(struct iommufd_ctx *ictx,
				      struct iommufd_object *obj);
void iommufd_object_abort_kind(struct iommufd_ctx *ictx,
			       struct iommufd_object *obj);

/* hw_pagetable.c */
struct iommufd_hwpt_paging *
iommufd_hwpt_paging_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas);
int iommufd_hwpt_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas);
void iommufd_hwpt_drop(struct iommufd_ctx *ictx,
		       struct iommufd_object *obj);

/* fault.c */
int iommufd_fault_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas);

#endif
