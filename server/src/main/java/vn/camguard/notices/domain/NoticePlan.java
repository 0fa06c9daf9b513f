package vn.camguard.notices.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.camguard.monitoring.MonitoredFinding;

/**
 * An ISP's open findings grouped per subscriber: each finding goes to the subscriber that held its address on the
 * day (in the province's time zone) it was last seen, and to no one else; findings on addresses nobody held then are
 * kept apart.
 */
public record NoticePlan(List<SubscriberFindings> subscribers, List<MonitoredFinding> unmapped) {

	public NoticePlan {
		subscribers = List.copyOf(subscribers);
		unmapped = List.copyOf(unmapped);
	}

	/** The plan with the findings open at {@code at}: an accepted risk that has run out is notified again. */
	public static NoticePlan of(SubscriberMapping mapping, List<MonitoredFinding> findings, ZoneId zone, Instant at) {
		Map<String, MappingEntry> holders = new LinkedHashMap<>();
		Map<String, List<MonitoredFinding>> byCode = new LinkedHashMap<>();
		List<MonitoredFinding> unmapped = new ArrayList<>();
		for (MonitoredFinding finding : findings) {
			if (!finding.openAt(at)) {
				continue;
			}
			LocalDate day = LocalDate.ofInstant(finding.lastSeen(), zone);
			Optional<MappingEntry> holder = mapping.holder(finding.address(), day);
			if (holder.isEmpty()) {
				unmapped.add(finding);
				continue;
			}
			holders.putIfAbsent(holder.get().subscriberCode(), holder.get());
			byCode.computeIfAbsent(holder.get().subscriberCode(), code -> new ArrayList<>()).add(finding);
		}
		List<SubscriberFindings> groups = byCode.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new SubscriberFindings(holders.get(e.getKey()), e.getValue()))
			.toList();
		return new NoticePlan(groups, unmapped);
	}

	public Optional<SubscriberFindings> of(String subscriberCode) {
		return subscribers.stream().filter(s -> s.subscriber().subscriberCode().equals(subscriberCode)).findFirst();
	}

}
