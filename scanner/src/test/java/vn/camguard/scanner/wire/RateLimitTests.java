package vn.camguard.scanner.wire;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests {

	@Test
	void globalRateSpacesConnections() throws Exception {
		RateLimit limit = new RateLimit(100, 0);
		long started = System.nanoTime();
		for (int i = 0; i < 21; i++) {
			limit.acquire(InetAddress.getByName("127.20.0." + (i + 1)));
		}
		// 21 connections at 100/s need at least 200 ms.
		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(190);
	}

	@Test
	void perHostRateSpacesOneDeviceOnly() throws Exception {
		RateLimit limit = new RateLimit(0, 20);
		InetAddress a = InetAddress.getByName("127.20.0.1");
		long started = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			limit.acquire(a);
		}
		long oneHost = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			limit.acquire(InetAddress.getByName("127.20.1." + (i + 1)));
		}
		long manyHosts = (System.nanoTime() - started) / 1_000_000;
		assertThat(oneHost).isGreaterThanOrEqualTo(190);
		assertThat(manyHosts).isLessThan(100);
	}

	@Test
	void unlimitedCostsNothing() throws Exception {
		RateLimit limit = RateLimit.unlimited();
		long started = System.nanoTime();
		for (int i = 0; i < 10_000; i++) {
			limit.acquire(InetAddress.getByName("127.20.0.1"));
		}
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
	}

}
