package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.tls.TlsHandshake;
import vn.camguard.scanner.tls.TlsVersion;

import java.security.PublicKey;
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

/**
 * The device's TLS, on every port that speaks TLS ({@link DeviceObservations#tlsPorts()}), whether or not a page
 * was fetched over it, judged from what the TLS survey of the probe sequence saw ({@link DeviceObservations#tls()}).
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

	@Override
	public List<String> ids() {
		return List.of(VERSIONS, WEAK);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		List<Evidence> versions = new ArrayList<>();
		List<Evidence> weak = new ArrayList<>();
		for (DeviceObservations.TlsFacts port : device.tls()) {
			judge(port, versions, weak);
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

	private static void judge(DeviceObservations.TlsFacts facts, List<Evidence> versions, List<Evidence> weak) {
		String source = "tls/" + facts.port();
		Optional<TlsHandshake> handshake = facts.handshake();
		List<String> accepted = new ArrayList<>();
		Optional<TlsVersion> negotiated = handshake.flatMap(h -> TlsVersion.named(h.protocol()));
		negotiated.ifPresent(v -> accepted.add("accepts " + v.jsseName() + " (negotiated)"));
		boolean deprecated = negotiated.filter(TlsVersion::deprecated).isPresent();
		for (TlsVersion older : facts.olderAccepted()) {
			accepted.add("accepts " + older.jsseName() + " (ClientHello offering only " + older.jsseName() + ")");
			deprecated |= older.deprecated();
		}
		if (deprecated) {
			accepted.forEach(detail -> versions.add(new Evidence(source, detail)));
		}

		List<String> reasons = new ArrayList<>();
		handshake.ifPresent(h -> reasons.addAll(weaknesses(h)));
		facts.weakSuiteChosen().ifPresent(
				suite -> reasons.add("accepts " + suite + " when offered only NULL, anonymous, export and RC4 suites"));
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

}
