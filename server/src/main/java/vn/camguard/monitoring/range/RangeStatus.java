package vn.camguard.monitoring.range;

/** Where a registered address range stands: waiting for the province, approved, rejected, or withdrawn by its
 * organisation. Only an approved range whose approval has not expired may be scanned. */
public enum RangeStatus {
	PENDING, APPROVED, REJECTED, WITHDRAWN
}
