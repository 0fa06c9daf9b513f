/**
 * Network monitoring (issue 19): address ranges an organisation answers for, approved before they are scanned; scan
 * jobs run by the embedded scanner library through the platform's scheduler; findings kept per device and check
 * until fixed, shown against the requirement groups of the catalogue in force ({@code products}). Other features read
 * findings through {@link vn.camguard.monitoring.MonitoringFindings}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit", "inventory", "schedule", "shared", "products" })
package vn.camguard.monitoring;
