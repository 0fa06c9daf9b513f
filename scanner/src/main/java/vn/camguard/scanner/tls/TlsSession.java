package vn.camguard.scanner.tls;

/**
 * What a later connection to the same server needs to resume a TLS 1.2 session (RFC 5246 §7.3): the
 * session id, the master secret and the parameters that must not change, plus the server's leaf
 * certificate (DER, empty when over {@link #MAX_LEAF} bytes) as seen on the full handshake.
 */
public record TlsSession(byte[] id, byte[] masterSecret, int cipherSuite, boolean extendedMasterSecret,
		byte[] leafCertificate) {

	/** Larger leaf certificates are not kept: a cache of sessions must stay small. */
	public static final int MAX_LEAF = 16 * 1024;

}
