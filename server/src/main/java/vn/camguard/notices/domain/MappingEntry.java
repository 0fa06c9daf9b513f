package vn.camguard.notices.domain;

import java.time.LocalDate;

/**
 * One row of an ISP's subscriber mapping: the subscriber held {@code addresses} from {@code validFrom} to
 * {@code validTo} (both inclusive; no end while still held).
 *
 * @param language {@code vi} or {@code en}, the language of the subscriber's notices
 * @param email where notices are mailed, or null (printed letter only)
 * @param row the row of the imported file, to name it in problems
 */
public record MappingEntry(String subscriberCode, String subscriberName, String email, String language,
		String addresses, AddressSpan span, LocalDate validFrom, LocalDate validTo, int row) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

	/** Whether the two periods share a day. */
	public boolean periodOverlaps(MappingEntry other) {
		return (validTo == null || !validTo.isBefore(other.validFrom))
				&& (other.validTo == null || !other.validTo.isBefore(validFrom));
	}

}
