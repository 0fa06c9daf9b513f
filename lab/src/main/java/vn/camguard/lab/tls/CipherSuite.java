package vn.camguard.lab.tls;

/**
 * The TLS 1.2 cipher suites the lean server answers with, in its order of preference, which is also the head of
 * JSSE's order as the devices' server ({@link DeviceTls#cheapestFirst}): a client gets the same suite from both.
 * ChaCha20-Poly1305 comes first because the lab runs C1-compiled, where a record costs the JDK's AES-GCM 2.5 to 4
 * times the CPU.
 */
enum CipherSuite {

	ECDHE_ECDSA_CHACHA20_POLY1305_SHA256(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			Records.Aead.CHACHA20_POLY1305),

	ECDHE_ECDSA_AES128_GCM_SHA256(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", Records.Aead.AES_128_GCM);

	/** The suite's number on the wire (RFC 5246 §7.4.1.2). */
	final int code;

	/** The suite's name in JSSE. */
	final String jsseName;

	final Records.Aead aead;

	CipherSuite(int code, String jsseName, Records.Aead aead) {
		this.code = code;
		this.jsseName = jsseName;
		this.aead = aead;
	}

}
