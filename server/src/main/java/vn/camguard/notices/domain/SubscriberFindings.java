package vn.camguard.notices.domain;

import java.util.List;

import vn.camguard.monitoring.MonitoredFinding;

/** The open findings on the addresses one subscriber held when each was last seen. */
public record SubscriberFindings(MappingEntry subscriber, List<MonitoredFinding> findings) {

	public SubscriberFindings {
		findings = List.copyOf(findings);
	}

	public List<String> addresses() {
		return findings.stream().map(MonitoredFinding::address).distinct().sorted().toList();
	}

}
