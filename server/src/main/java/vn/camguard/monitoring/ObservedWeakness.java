package vn.camguard.monitoring;

/** A check that failed on one address in one scan part, as the scanner reported it (title and evidence are the
 * device's text and stay text). */
public record ObservedWeakness(String address, Integer port, String checkId, String severity, String title,
		String evidence) {
}
