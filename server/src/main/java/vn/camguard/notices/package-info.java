/**
 * ISP subscriber notices (issue 19): an ISP's subscriber-to-address mapping with validity periods, notices to each
 * subscriber listing only the open findings on its own addresses (email and printable letter), and the ISP's monthly
 * report to the province. Reads findings through {@link vn.camguard.monitoring.MonitoringFindings}; depends on
 * {@code organization} for roles and scope and on {@code audit} because every change is logged, and
 * on {@code schedule} for the recurring read of the bounce mailbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit", "monitoring", "shared", "schedule" })
package vn.camguard.notices;
