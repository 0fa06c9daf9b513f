package vn.camguard.notices.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.camguard.monitoring.MonitoredFinding;

/**
 * An ISP's month for the province: cameras found (addresses with a weakness seen in the month), unsafe cameras per
 * check, findings notified and fixed in the month, and findings still open at the time of the report.
 *
 * @param camerasFound distinct addresses with a finding seen in the month
 * @param findingsSeen findings seen in the month
 * @param notified findings whose notice was sent in the month
 * @param fixed findings fixed in the month
 * @param stillOpen findings open now that were first seen before the month ended
 * @param noticesSent notices mailed or printed in the month
 * @param byCheck one line per check, by check id
 */
public record MonthlyFigures(YearMonth month, int camerasFound, int findingsSeen, int notified, int fixed,
		int stillOpen, int noticesSent, List<CheckFigures> byCheck) {

	public MonthlyFigures {
		byCheck = List.copyOf(byCheck);
	}

	/** One check's figures: distinct cameras and findings seen, notified, fixed, still open. */
	public record CheckFigures(String checkId, String severity, int cameras, int notified, int fixed, int stillOpen) {
	}

	/** The figures with "still open" as it stands at {@code at}: an accepted risk that has run out counts again. */
	public static MonthlyFigures of(YearMonth month, ZoneId zone, List<MonitoredFinding> findings, int noticesSent,
			Instant at) {
		Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Set<String> cameras = new HashSet<>();
		int seen = 0;
		int notified = 0;
		int fixed = 0;
		int open = 0;
		Map<String, Counter> checks = new TreeMap<>();
		for (MonitoredFinding f : findings) {
			boolean seenInMonth = f.firstSeen().isBefore(end) && !f.lastSeen().isBefore(start);
			boolean notifiedInMonth = within(f.notifiedAt(), start, end);
			boolean fixedInMonth = within(f.fixedAt(), start, end);
			boolean stillOpen = f.openAt(at) && f.firstSeen().isBefore(end);
			if (!(seenInMonth || notifiedInMonth || fixedInMonth || stillOpen)) {
				continue;
			}
			Counter check = checks.computeIfAbsent(f.checkId(), id -> new Counter(f.severity()));
			if (seenInMonth) {
				seen++;
				cameras.add(f.address());
				check.cameras.add(f.address());
			}
			if (notifiedInMonth) {
				notified++;
				check.notified++;
			}
			if (fixedInMonth) {
				fixed++;
				check.fixed++;
			}
			if (stillOpen) {
				open++;
				check.open++;
			}
		}
		List<CheckFigures> lines = new ArrayList<>();
		checks.forEach((id, c) -> lines.add(new CheckFigures(id, c.severity, c.cameras.size(), c.notified, c.fixed,
				c.open)));
		return new MonthlyFigures(month, cameras.size(), seen, notified, fixed, open, noticesSent, lines);
	}

	private static boolean within(Instant at, Instant start, Instant end) {
		return at != null && !at.isBefore(start) && at.isBefore(end);
	}

	private static final class Counter {

		private final String severity;

		private final Set<String> cameras = new HashSet<>();

		private int notified;

		private int fixed;

		private int open;

		Counter(String severity) {
			this.severity = severity;
		}

	}

}
