package vn.camguard.scanner.target;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

import java.util.List;

/**
 * The ranges a scan is allowed to touch (the authorisation). A target that is not entirely inside the
 * scope is refused before any packet is sent.
 */
public record Scope(List<IPAddressSeqRange> allowed) {

	public Scope {
		allowed = List.copyOf(allowed);
	}

	/** A scope from target-like texts (IPs, CIDRs, ranges). */
	public static Scope of(List<String> texts) {
		return new Scope(texts.stream().flatMap(t -> TargetSpec.parse(t).ranges().stream()).toList());
	}

	/** Loopback only: the default when no scope is given, so nothing leaves the machine by accident. */
	public static Scope loopback() {
		return of(List.of("127.0.0.0/8", "::1"));
	}

	public boolean contains(IPAddress address) {
		return allowed.stream().anyMatch(r -> r.contains(address));
	}

	public boolean covers(IPAddressSeqRange range) {
		// Ranges in the scope may touch each other; a target spanning two adjacent allowed ranges is allowed.
		IPAddressSeqRange[] rest = {range};
		for (IPAddressSeqRange permitted : allowed) {
			rest = java.util.Arrays.stream(rest).flatMap(r -> java.util.Arrays.stream(r.subtract(permitted)))
					.toArray(IPAddressSeqRange[]::new);
			if (rest.length == 0) {
				return true;
			}
		}
		return rest.length == 0;
	}

	/** Throws when any part of a target lies outside the scope. */
	public void check(TargetSpec target) {
		for (IPAddressSeqRange range : target.ranges()) {
			if (!covers(range)) {
				throw new TargetException("target " + target.text() + " (" + range + ") is outside the allowed scope "
						+ allowed + "; refused, nothing was scanned");
			}
		}
	}

}
