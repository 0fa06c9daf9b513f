/**
 * x25519 (RFC 7748) for the two lean TLS 1.2 stacks, the scanner's client and the lab's devices: its own module
 * because both need it and neither may depend on the other (the lab must not run the scanner's code, and the
 * scanner's library must not carry the simulator). Checked against the RFC's vectors and against the JDK.
 */
package vn.camguard.curve25519;
