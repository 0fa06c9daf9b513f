package vn.camguard.products.domain;

/** How serious an authority judges a warned model or firmware. */
public enum Severity {
	LOW, MEDIUM, HIGH, CRITICAL
}
