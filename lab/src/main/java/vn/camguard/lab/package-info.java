/**
 * The camera lab: simulated cameras and recorders on loopback addresses, for testing and benchmarking the
 * scanner against a known ground truth. Entry points: {@link vn.camguard.lab.Lab}, {@link vn.camguard.lab.FleetSpec},
 * {@link vn.camguard.lab.LabManifest}; the wire behaviour is specified in lab/PROFILES.md.
 */
package vn.camguard.lab;
