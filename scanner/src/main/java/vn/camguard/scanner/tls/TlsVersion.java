package vn.camguard.scanner.tls;

import org.bouncycastle.tls.ProtocolVersion;

import java.util.Optional;

/** The TLS versions the scanner can speak and ask about, oldest first, with the names JSSE gives them. */
public enum TlsVersion {

	TLS10("TLSv1", ProtocolVersion.TLSv10),
	TLS11("TLSv1.1", ProtocolVersion.TLSv11),
	TLS12("TLSv1.2", ProtocolVersion.TLSv12),
	TLS13("TLSv1.3", ProtocolVersion.TLSv13);

	private final String jsseName;

	final ProtocolVersion wire;

	TlsVersion(String jsseName, ProtocolVersion wire) {
		this.jsseName = jsseName;
		this.wire = wire;
	}

	public String jsseName() {
		return jsseName;
	}

	/** Deprecated by RFC 8996. */
	public boolean deprecated() {
		return this == TLS10 || this == TLS11;
	}

	public static Optional<TlsVersion> named(String jsseName) {
		for (TlsVersion version : values()) {
			if (version.jsseName.equals(jsseName)) {
				return Optional.of(version);
			}
		}
		return Optional.empty();
	}

	static Optional<TlsVersion> of(ProtocolVersion wire) {
		for (TlsVersion version : values()) {
			if (version.wire.equals(wire)) {
				return Optional.of(version);
			}
		}
		return Optional.empty();
	}

}
