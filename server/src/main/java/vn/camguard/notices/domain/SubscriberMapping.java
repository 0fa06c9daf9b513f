package vn.camguard.notices.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An ISP's whole subscriber mapping, answering who held an address on a day. Entries are sorted by first address
 * with the running highest last address beside them, so a look-up walks back only over entries that can still
 * contain the address.
 */
public final class SubscriberMapping {

	private static final Comparator<MappingEntry> BY_START = Comparator
		.comparing((MappingEntry e) -> e.span().ipv6())
		.thenComparing(e -> e.span().first())
		.thenComparingInt(MappingEntry::row);

	private final List<MappingEntry> entries;

	private final BigInteger[] highestLastUpTo;

	public SubscriberMapping(List<MappingEntry> entries) {
		this.entries = entries.stream().sorted(BY_START).toList();
		this.highestLastUpTo = new BigInteger[this.entries.size()];
		BigInteger highest = null;
		Boolean family = null;
		for (int i = 0; i < this.entries.size(); i++) {
			AddressSpan span = this.entries.get(i).span();
			if (family == null || family != span.ipv6()) {
				family = span.ipv6();
				highest = span.last();
			}
			else {
				highest = highest.max(span.last());
			}
			highestLastUpTo[i] = highest;
		}
	}

	public List<MappingEntry> entries() {
		return entries;
	}

	/** The entry holding the address on the day; by construction at most one does. */
	public Optional<MappingEntry> holder(String address, LocalDate day) {
		Optional<AddressSpan> wanted = AddressSpan.ofAddress(address);
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		AddressSpan point = wanted.get();
		int i = lastStartingAtOrBefore(point);
		for (; i >= 0; i--) {
			MappingEntry entry = entries.get(i);
			if (entry.span().ipv6() != point.ipv6() || highestLastUpTo[i].compareTo(point.first()) < 0) {
				break;
			}
			if (entry.span().contains(point) && entry.validOn(day)) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	/** Pairs of entries that give one address to two holders on one day: {later, earlier} by file row. */
	public static List<MappingEntry[]> overlaps(List<MappingEntry> entries) {
		List<MappingEntry> sorted = entries.stream().sorted(BY_START).toList();
		List<MappingEntry[]> found = new ArrayList<>();
		List<MappingEntry> open = new ArrayList<>();
		for (MappingEntry entry : sorted) {
			open.removeIf(o -> o.span().ipv6() != entry.span().ipv6()
					|| o.span().last().compareTo(entry.span().first()) < 0);
			for (MappingEntry other : open) {
				if (other.periodOverlaps(entry)) {
					found.add(other.row() > entry.row() ? new MappingEntry[] { other, entry }
							: new MappingEntry[] { entry, other });
				}
			}
			open.add(entry);
		}
		return found;
	}

	private int lastStartingAtOrBefore(AddressSpan point) {
		int low = 0;
		int high = entries.size() - 1;
		int answer = -1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			AddressSpan span = entries.get(mid).span();
			int cmp = span.ipv6() != point.ipv6() ? (span.ipv6() ? 1 : -1) : span.first().compareTo(point.first());
			if (cmp <= 0) {
				answer = mid;
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return answer;
	}

}
