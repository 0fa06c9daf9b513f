package vn.camguard.organization;

/**
 * What a person does in CamGuard (PRODUCT.md, "Who uses it"). A role is always granted on a unit
 * and reaches that unit's whole subtree.
 */
public enum Role {

	/** Provincial IT authority (Sở TT&TT, since 2025 the provincial police's cyber unit). */
	PROVINCE_ADMIN,
	/** IT staff of a department, district or commune. */
	UNIT_OFFICER,
	/** Head of a unit or system owner (chủ quản hệ thống thông tin). */
	UNIT_APPROVER,
	/** Telecom / Internet service provider (doanh nghiệp viễn thông, Internet). */
	ISP_OPERATOR,
	/** Camera manufacturer or importer. */
	VENDOR,
	/** Market management (Quản lý thị trường). */
	MARKET_INSPECTOR,
	/** Provincial or district police (Công an). */
	POLICE,
	/** Reads everything in scope, changes nothing. */
	AUDITOR

}
