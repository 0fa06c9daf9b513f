package vn.camguard.scanner.tls;

import javax.net.ssl.SSLHandshakeException;

/**
 * The server wants something this client does not do (another version or suite, a client certificate, a
 * message it does not expect) or refused the handshake: a full TLS stack may still succeed with it.
 */
public final class TlsUnsupportedException extends SSLHandshakeException {

	private final boolean tls12Refused;

	TlsUnsupportedException(String reason, boolean tls12Refused) {
		super(reason);
		this.tls12Refused = tls12Refused;
	}

	TlsUnsupportedException(String reason, Throwable cause) {
		super(reason, cause);
		this.tls12Refused = false;
	}

	/** The server answered with a protocol_version alert: it does not speak TLS 1.2 at all. */
	public boolean tls12Refused() {
		return tls12Refused;
	}

}
