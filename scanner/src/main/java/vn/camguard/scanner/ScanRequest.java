package vn.camguard.scanner;

import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.target.Targets;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how hard: the (already scope-checked) targets, the TCP ports, how many devices at
 * once, timeouts, rate limits, the credential attempt budget per device, and addresses to skip (a resumed
 * scan's finished hosts).
 *
 * @param ratePerSecond new connections per second over the whole scan, 0 = unlimited
 * @param hostRatePerSecond new connections per second to one device, 0 = unlimited
 * @param loginPacing how fast one device's accounts may be tried (default: 4 logins per account in any 30 s)
 * @param rtspRouteBudget DESCRIBE requests per device while looking for stream routes (all its RTSP ports)
 * @param checks whether the checks run; without them a scan only finds devices and fingerprints them (no login,
 *               snapshot or TLS survey is attempted and every report has no findings)
 */
public record ScanRequest(Targets targets, List<Integer> ports, int concurrency, Duration connectTimeout,
		Duration readTimeout, Duration discoveryTimeout, int ratePerSecond, int hostRatePerSecond,
		int maxCredentialAttempts, LoginPacing loginPacing, int rtspRouteBudget, Set<String> skip, boolean checks) {

	/** Camera, recorder and needless-service ports (shared/domain/scanner/fingerprints.md §0). */
	public static final List<Integer> DEFAULT_PORTS = List.of(21, 22, 23, 80, 443, 554, 8000, 8080, 8443, 8554, 8899,
			34567, 37777);

	public static final int DEFAULT_RTSP_ROUTE_BUDGET = 50;

	public ScanRequest {
		// Each port once, in the order given: the sweep holds one connection per port.
		ports = List.copyOf(new LinkedHashSet<>(ports));
		skip = Set.copyOf(skip);
		if (concurrency < 1 || concurrency > 4096) {
			throw new IllegalArgumentException("concurrency must be 1..4096");
		}
		if (maxCredentialAttempts < 0 || maxCredentialAttempts > 50) {
			throw new IllegalArgumentException("credential attempts must be 0..50");
		}
		if (rtspRouteBudget < 1 || rtspRouteBudget > 1000) {
			throw new IllegalArgumentException("RTSP route budget must be 1..1000");
		}
		if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
			throw new IllegalArgumentException("ports must be 1..65535");
		}
	}

	/**
	 * Defaults tuned for a LAN or loopback lab: 256 devices at once, 1 s connect, 2 s for each answer (4 s for
	 * WS-Discovery, which runs beside the web fetch), 10 login attempts and 50 RTSP route requests per device.
	 */
	public static ScanRequest of(Targets targets) {
		return new ScanRequest(targets, DEFAULT_PORTS, 256, Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(4), 0, 0, 10, LoginPacing.DEFAULT, DEFAULT_RTSP_ROUTE_BUDGET, Set.of(), true);
	}

	public ScanRequest withPorts(List<Integer> newPorts) {
		return new ScanRequest(targets, newPorts, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, loginPacing, rtspRouteBudget, skip, checks);
	}

	public ScanRequest withConcurrency(int n) {
		return new ScanRequest(targets, ports, n, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, loginPacing, rtspRouteBudget, skip, checks);
	}

	public ScanRequest withTimeouts(Duration connect, Duration read) {
		// WS-Discovery gets twice the read timeout: it runs beside the web fetch, and on a busy device the UDP
		// answer is the one that comes last.
		return new ScanRequest(targets, ports, concurrency, connect, read, read.multipliedBy(2), ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, loginPacing, rtspRouteBudget, skip, checks);
	}

	public ScanRequest withRates(int perSecond, int perHostPerSecond) {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, perSecond,
				perHostPerSecond, maxCredentialAttempts, loginPacing, rtspRouteBudget, skip, checks);
	}

	public ScanRequest withCredentialAttempts(int attempts) {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, attempts, loginPacing, rtspRouteBudget, skip, checks);
	}

	/** Pacing other than the default (tests that must not wait 30 s per account; a LAN of devices without lockout). */
	public ScanRequest withLoginPacing(LoginPacing pacing) {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, pacing, rtspRouteBudget, skip, checks);
	}

	public ScanRequest withRtspRouteBudget(int requests) {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, loginPacing, requests, skip, checks);
	}

	/** Finds and fingerprints devices only: no check, no login, nothing beyond what telling the device apart needs. */
	public ScanRequest discoveryOnly() {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, 0, loginPacing, rtspRouteBudget, skip, false);
	}

	public ScanRequest skipping(Set<String> addresses) {
		return new ScanRequest(targets, ports, concurrency, connectTimeout, readTimeout, discoveryTimeout, ratePerSecond,
				hostRatePerSecond, maxCredentialAttempts, loginPacing, rtspRouteBudget, addresses, checks);
	}

}
