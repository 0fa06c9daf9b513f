package vn.camguard.monitoring.finding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Days to fix a finding, per severity, counted from when it was first seen ({@code camguard.findings.sla.*} in
 * application.properties). An open finding past them is overdue; INFO has no deadline unless one is set.
 */
@ConfigurationProperties("camguard.findings.sla")
public record FindingSla(Integer critical, Integer high, Integer medium, Integer low, Integer info) {

	public FindingSla {
		critical = critical == null ? 7 : critical;
		high = high == null ? 15 : high;
		medium = medium == null ? 30 : medium;
		low = low == null ? 90 : low;
	}

	public static FindingSla defaults() {
		return new FindingSla(null, null, null, null, null);
	}

	/** The time allowed to fix, or null when the severity has no deadline. */
	public Duration daysToFix(Severity severity) {
		Integer days = severity == null ? null : switch (severity) {
			case CRITICAL -> critical;
			case HIGH -> high;
			case MEDIUM -> medium;
			case LOW -> low;
			case INFO -> info;
		};
		return days == null || days <= 0 ? null : Duration.ofDays(days);
	}

}
