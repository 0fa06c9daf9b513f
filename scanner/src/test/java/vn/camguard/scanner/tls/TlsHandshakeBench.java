package vn.camguard.scanner.tls;

import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.TlsChannel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLSocket;

/**
 * Client CPU per TLS handshake against a JSSE server on loopback: JSSE (as the scanner used it) against this
 * client, full and resumed. Prints figures; run it with the JIT settings of a scan, e.g.
 * {@code java -XX:TieredStopAtLevel=1 -cp scanner/target-tls/classes:scanner/target-tls/test-classes:lab/target-tls/classes
 * vn.camguard.scanner.tls.TlsHandshakeBench [rounds]}.
 */
public final class TlsHandshakeBench {

	private interface Handshake {

		void run() throws Exception;

	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try (JsseServer server = new JsseServer(new String[] {"TLSv1.3", "TLSv1.2"}, new String[0], 10)) {
			Connector connector = new Connector(Duration.ofSeconds(2), Duration.ofSeconds(3), RateLimit.unlimited());
			SecureRandom random = new SecureRandom();
			Handshake jsseFull = () -> {
				try (TlsChannel channel = connector.openTls(server.address(), server.port(), "TLSv1.2")) {
					((SSLSocket) channel.socket()).getSession().invalidate();
				}
			};
			Handshake jsseResumed = () -> {
				try (TlsChannel channel = connector.openTls(server.address(), server.port(), "TLSv1.2")) {
					channel.out().flush();
				}
			};
			TlsSession[] kept = new TlsSession[1];
			Handshake ownFull = () -> {
				try (Socket socket = connector.open(server.address(), server.port())) {
					kept[0] = TlsClient.handshake(socket, Optional.empty(), random, 3000).session();
				}
			};
			Handshake ownResumed = () -> {
				try (Socket socket = connector.open(server.address(), server.port())) {
					if (!TlsClient.handshake(socket, Optional.of(kept[0]), random, 3000).resumed()) {
						throw new IllegalStateException("not resumed");
					}
				}
			};
			Handshake tcpOnly = () -> connector.open(server.address(), server.port()).close();
			String[] names = {"TCP only", "JSSE full", "JSSE resumed", "own full", "own resumed"};
			Handshake[] runs = {tcpOnly, jsseFull, jsseResumed, ownFull, ownResumed};
			if (args.length > 1) {
				int only = java.util.Arrays.asList(names).indexOf(args[1]);
				names = new String[] {names[only]};
				runs = new Handshake[] {runs[only]};
				ownFull.run();
				// The server caches the session once its Finished is out, a moment after the client saw it.
				Thread.sleep(100);
			}
			for (int pass = 0; pass < 2; pass++) {
				for (int i = 0; i < names.length; i++) {
					long cpu = threads.getCurrentThreadCpuTime();
					long wall = System.nanoTime();
					for (int round = 0; round < rounds; round++) {
						runs[i].run();
					}
					cpu = threads.getCurrentThreadCpuTime() - cpu;
					wall = System.nanoTime() - wall;
					if (pass == 1) {
						System.out.printf("%-13s client CPU %6.3f ms/handshake, wall %6.3f ms (%d rounds)%n", names[i],
								cpu / 1e6 / rounds, wall / 1e6 / rounds, rounds);
					}
				}
			}
		}
	}

}
