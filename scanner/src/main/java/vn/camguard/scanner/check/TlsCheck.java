package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.tls.LegacyTls;
import vn.camguard.scanner.tls.TlsHandshake;
import vn.camguard.scanner.tls.TlsVersion;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.TlsChannel;
import vn.camguard.scanner.wire.Watchdog;

import java.io.IOException;
import java.net.Socket;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The device's TLS, on every port that speaks TLS ({@link DeviceContext#tlsPorts()}), whether or not a page was
 * fetched over it.
 * <ul>
 * <li>{@code CG-TLS-VERSIONS}: it accepts TLS 1.0 or 1.1 (RFC 8996). Every version it accepts is listed: the one
 * the handshake negotiated (the client offered all it knows, so nothing newer is accepted) and each older one it
 * answers with a ServerHello when offered alone (no key exchange follows).</li>
 * <li>{@code CG-TLS-WEAK}: its certificate has an RSA key below 2048 bits, a SHA-1 or MD5 signature, or has
 * expired; or it negotiates a suite without forward secrecy, or picks an anonymous, export, NULL or RC4 suite when
 * offered nothing else. The certificate's subject, issuer, validity and key are evidence.</li>
 * </ul>
 * SSL 3.0 is not asked about: neither the JDK nor BouncyCastle speaks it any more.
 */
public final class TlsCheck implements Check {

	public static final String VERSIONS = "CG-TLS-VERSIONS";

	public static final String WEAK = "CG-TLS-WEAK";

	private static final int MIN_RSA_BITS = 2048;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final SecureRandom random = new SecureRandom();

	@Override
	public List<String> ids() {
		return List.of(VERSIONS, WEAK);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		List<Evidence> versions = new ArrayList<>();
		List<Evidence> weak = new ArrayList<>();
		for (int port : device.tlsPorts()) {
			if (device.responsive(port)) {
				survey(device, port, versions, weak);
			}
		}
		List<Finding> findings = new ArrayList<>();
		if (!versions.isEmpty()) {
			findings.add(new Finding(VERSIONS, Severity.MEDIUM, Qcvn.SECURE_COMMUNICATION.label(),
					"TLS accepts a deprecated version (TLS 1.0 or 1.1)", versions, List.of()));
		}
		if (!weak.isEmpty()) {
			findings.add(new Finding(WEAK, Severity.MEDIUM, Qcvn.SECURE_COMMUNICATION.label(),
					"Weak TLS certificate or cipher suite", weak, List.of()));
		}
		return findings;
	}

	private void survey(DeviceContext device, int port, List<Evidence> versions, List<Evidence> weak) {
		Connector connector = device.tools().connector();
		String source = "tls/" + port;
		Optional<TlsHandshake> handshake = connector.recentHandshake(device.host(), port)
				.or(() -> handshake(device, port));

		List<String> accepted = new ArrayList<>();
		Optional<TlsVersion> negotiated = handshake.flatMap(h -> TlsVersion.named(h.protocol()));
		negotiated.ifPresent(v -> accepted.add("accepts " + v.jsseName() + " (negotiated)"));
		boolean deprecated = negotiated.filter(TlsVersion::deprecated).isPresent();
		for (TlsVersion older : TlsVersion.values()) {
			if (negotiated.isPresent() && older.compareTo(negotiated.get()) >= 0) {
				break;
			}
			if (probe(device, port, socket -> LegacyTls.accepts(socket, older, random)).orElse(false)) {
				accepted.add("accepts " + older.jsseName() + " (ClientHello offering only " + older.jsseName() + ")");
				deprecated |= older.deprecated();
			}
		}
		if (deprecated) {
			accepted.forEach(detail -> versions.add(new Evidence(source, detail)));
		}

		List<String> reasons = new ArrayList<>();
		handshake.ifPresent(h -> reasons.addAll(weaknesses(h)));
		probe(device, port, socket -> LegacyTls.weakSuiteChosen(socket, random)).flatMap(Function.identity())
				.ifPresent(suite -> reasons.add("accepts " + suite + " when offered only NULL, anonymous, export and RC4 suites"));
		if (!reasons.isEmpty()) {
			handshake.flatMap(TlsHandshake::leaf).ifPresent(leaf -> {
				weak.add(new Evidence(source, "certificate subject " + leaf.getSubjectX500Principal().getName()
						+ "; issuer " + leaf.getIssuerX500Principal().getName()));
				weak.add(new Evidence(source, "certificate valid " + DAY.format(leaf.getNotBefore().toInstant()) + " to "
						+ DAY.format(leaf.getNotAfter().toInstant()) + ", " + key(leaf.getPublicKey()) + ", signature "
						+ leaf.getSigAlgName()));
			});
			reasons.forEach(reason -> weak.add(new Evidence(source, reason)));
		}
	}

	/** What is weak in what a handshake showed, one line each. */
	static List<String> weaknesses(TlsHandshake handshake) {
		List<String> reasons = new ArrayList<>();
		handshake.leaf().ifPresent(leaf -> {
			if (leaf.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
				reasons.add("RSA key of " + rsa.getModulus().bitLength() + " bits, below " + MIN_RSA_BITS);
			}
			String signature = leaf.getSigAlgName().toUpperCase(Locale.ROOT);
			if (signature.contains("SHA1") || signature.contains("MD5") || signature.contains("MD2")) {
				reasons.add("certificate signed with " + leaf.getSigAlgName());
			}
			if (leaf.getNotAfter().toInstant().isBefore(Instant.now())) {
				reasons.add("certificate expired on " + DAY.format(leaf.getNotAfter().toInstant()));
			}
		});
		String suite = handshake.cipherSuite();
		if (suite.contains("_anon_") || suite.contains("_EXPORT") || suite.contains("_NULL_") || suite.contains("_RC4_")) {
			reasons.add("negotiated " + suite);
		}
		if (!handshake.forwardSecret()) {
			reasons.add("negotiated " + suite + " at " + handshake.protocol() + ": no forward secrecy");
		}
		return reasons;
	}

	private static String key(PublicKey key) {
		return switch (key) {
			case RSAPublicKey rsa -> "RSA " + rsa.getModulus().bitLength() + " bits";
			case ECPublicKey ec -> "EC " + ec.getParams().getOrder().bitLength() + " bits";
			case DSAPublicKey dsa -> "DSA " + dsa.getParams().getP().bitLength() + " bits";
			default -> key.getAlgorithm();
		};
	}

	/** A handshake of its own where no connection of this scan has shown the port's TLS yet. */
	private static Optional<TlsHandshake> handshake(DeviceContext device, int port) {
		try (TlsChannel channel = device.tools().connector().openTls(device.host(), port)) {
			return Optional.of(channel.handshake());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** One probe on a fresh connection, bounded by one read timeout; a failed connect is no answer. */
	private static <T> Optional<T> probe(DeviceContext device, int port, Function<Socket, T> question) {
		Connector connector = device.tools().connector();
		try (Socket socket = connector.open(device.host(), port);
				Watchdog.Watch watch = connector.withinReadTimeout(socket)) {
			return Optional.of(question.apply(socket));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
