/*
 * Hard-IRQ handler registered with request_irq() (inline wrapper over
 * request_threaded_irq()) reaches __fput_sync() through a helper.
 */
#include <linux/interrupt.h>
#include <linux/file.h>
#include <linux/fs.h>

struct fpga_mgr_dev {
	int irq;
	struct file *bitstream;
	u32 status;
};

u32 fpga_mgr_read_status(struct fpga_mgr_dev *mgr);

static void fpga_mgr_drop_bitstream(struct fpga_mgr_dev *mgr)
{
	if (mgr->bitstream) {
		__fput_sync(mgr->bitstream);	/* expect: fput-sync-irq {{reached in hard interrupt context from fpga_mgr_isr\(\) \(fpga_mgr_isr -> fpga_mgr_drop_bitstream -> __fput_sync\)}} */
		mgr->bitstream = NULL;
	}
}

static irqreturn_t fpga_mgr_isr(int irq, void *dev_id)
{
	struct fpga_mgr_dev *mgr = dev_id;

	mgr->status = fpga_mgr_read_status(mgr);
	if (!mgr->status)
		return IRQ_NONE;

	fpga_mgr_drop_bitstream(mgr);
	return IRQ_HANDLED;
}

int fpga_mgr_setup_irq(struct fpga_mgr_dev *mgr)
{
	return request_irq(mgr->irq, fpga_mgr_isr, IRQF_SHARED, "fpga-mgr", mgr);	/* note: {{fpga_mgr_isr\(\) runs in hard interrupt context: registered by request_irq\(\)}} */
}
