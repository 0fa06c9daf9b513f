package vn.camguard.inventory.application;

import vn.camguard.shared.spreadsheet.HeaderColumn;

/**
 * The columns of a device import file, in template order. Headers are matched case-insensitively;
 * columns may come in any order; the four required ones must be present.
 */
public enum ImportColumn implements HeaderColumn {

	// the example's unit, system and site are those of the demo province (InventoryDemoData), so the
	// template imports as it is there
	UNIT_CODE(true, "TN-PY"), SYSTEM_NAME(false, "Hệ thống camera an ninh trật tự"), SITE_NAME(false, "Chợ Ba Hàng"),
	NAME(false, "Camera chợ Ba Hàng 01"), KIND(true, "CAMERA"), VENDOR(true, "Hikvision"), MODEL(false, "DS-2CD2143G2-I"), FIRMWARE(false, "V5.7.3"),
	SERIAL(true, "DS-2CD2143G2-I20240101AAWRJ12345678"), MAC(false, "BC:AD:28:12:34:56"),
	ADDRESS(false, "10.20.30.40"), OPEN_PORTS(false, "80,554"), PROCUREMENT_DATE(false, "15/03/2024"),
	SUPPLIER(false, "Công ty TNHH Thiết bị An Phát"), CO_REF(false, "CO-2024-0012"), CQ_REF(false, "CQ-2024-0034"),
	QCVN135_CERTIFICATE(false, "QCVN135-2024-00123"), STATUS(false, "ACTIVE");

	private final boolean required;

	private final String example;

	ImportColumn(boolean required, String example) {
		this.required = required;
		this.example = example;
	}

	@Override
	public boolean required() {
		return required;
	}

	/** A sample value for the template and the import page. */
	public String example() {
		return example;
	}

}
