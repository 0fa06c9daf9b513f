package vn.camguard.scanner.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a completed TLS handshake showed: the protocol version as JSSE names it ("TLSv1.2"), the cipher suite by
 * its IANA name ("TLS_RSA_WITH_AES_128_CBC_SHA") and the server's certificate chain, leaf first (possibly empty).
 * Nothing in it is trusted: the scanner reports it, it decides nothing.
 */
public record TlsHandshake(String protocol, String cipherSuite, List<X509Certificate> chain) {

	public TlsHandshake {
		chain = List.copyOf(chain);
	}

	public Optional<X509Certificate> leaf() {
		return chain.stream().findFirst();
	}

	/**
	 * Whether the key exchange keeps past traffic secret when the server's key leaks: TLS 1.3 always does, TLS 1.2
	 * and below only with an ephemeral (EC)DHE exchange.
	 */
	public boolean forwardSecret() {
		return protocol.equals("TLSv1.3") || cipherSuite.startsWith("TLS_ECDHE_") || cipherSuite.startsWith("TLS_DHE_")
				|| !cipherSuite.contains("_WITH_");
	}

}
