package vn.camguard.monitoring.range;

import java.time.Instant;

/**
 * An IPv4 address range an organisation answers for, and the province's decision on it.
 *
 * @param text        as registered (CIDR, first-last or one address)
 * @param firstNumber the first address as a number (IPv4), for containment checks
 * @param validUntil  end of the approval; the range may not be scanned from then on
 */
public record AddressRange(long id, long organizationId, String text, String firstAddress, String lastAddress,
		long firstNumber, long lastNumber, String purpose, RangeStatus status, String requestedBy, Instant requestedAt,
		String decidedBy, Instant decidedAt, Instant validUntil, String decisionReason) {

	/** Whether the range may be scanned at {@code at}: approved and not expired. */
	public boolean scannableAt(Instant at) {
		return status == RangeStatus.APPROVED && validUntil != null && at.isBefore(validUntil);
	}

	/** Approved but past its end: shown as expired. */
	public boolean expiredAt(Instant at) {
		return status == RangeStatus.APPROVED && validUntil != null && !at.isBefore(validUntil);
	}

	public long size() {
		return lastNumber - firstNumber + 1;
	}

	public boolean contains(long first, long last) {
		return firstNumber <= first && last <= lastNumber;
	}

}
