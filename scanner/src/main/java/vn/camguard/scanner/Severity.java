package vn.camguard.scanner;

/** How bad a finding is. */
public enum Severity {
	INFO, LOW, MEDIUM, HIGH, CRITICAL
}
