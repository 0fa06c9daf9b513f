package vn.camguard.scanner.scan;

import vn.camguard.scanner.check.DeviceObservations;
import vn.camguard.scanner.tls.LegacyTls;
import vn.camguard.scanner.tls.TlsHandshake;
import vn.camguard.scanner.tls.TlsVersion;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.TlsChannel;
import vn.camguard.scanner.wire.Watchdog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The TLS step of a device's probes, on one port: the handshake a connection of this scan already made there (or
 * one of its own), then each version older than the negotiated one offered alone, then only NULL, anonymous,
 * export and RC4 suites (handshake-only ClientHellos, no key exchange follows). SSL 3.0 is not asked about:
 * neither the JDK nor BouncyCastle speaks it any more.
 */
final class TlsSurvey {

	private final Connector connector;

	private final SecureRandom random = new SecureRandom();

	TlsSurvey(Connector connector) {
		this.connector = connector;
	}

	DeviceObservations.TlsFacts survey(InetAddress host, int port) {
		Optional<TlsHandshake> handshake = connector.recentHandshake(host, port).or(() -> handshake(host, port));
		Optional<TlsVersion> negotiated = handshake.flatMap(h -> TlsVersion.named(h.protocol()));
		List<TlsVersion> older = new ArrayList<>();
		for (TlsVersion version : TlsVersion.values()) {
			if (negotiated.isPresent() && version.compareTo(negotiated.get()) >= 0) {
				break;
			}
			if (probe(host, port, socket -> LegacyTls.accepts(socket, version, random)).orElse(false)) {
				older.add(version);
			}
		}
		Optional<String> weakSuite = probe(host, port, socket -> LegacyTls.weakSuiteChosen(socket, random))
			.flatMap(Function.identity());
		return new DeviceObservations.TlsFacts(port, handshake, older, weakSuite);
	}

	/** A handshake of its own where no connection of this scan has shown the port's TLS yet. */
	private Optional<TlsHandshake> handshake(InetAddress host, int port) {
		try (TlsChannel channel = connector.openTls(host, port)) {
			return Optional.of(channel.handshake());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** One probe on a fresh connection, bounded by one read timeout; a failed connect is no answer. */
	private <T> Optional<T> probe(InetAddress host, int port, Function<Socket, T> question) {
		try (Socket socket = connector.open(host, port); Watchdog.Watch watch = connector.withinReadTimeout(socket)) {
			return Optional.of(question.apply(socket));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
