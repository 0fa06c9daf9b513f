package vn.camguard.scanner.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * A TLS connection to a device: the streams that carry plaintext, the socket underneath (the place for
 * read timeouts and closing), the negotiated protocol as JSSE names it ("TLSv1.2") and the server's leaf
 * certificate in DER (empty when unknown or too large). The scanner's own client finishes a full handshake on
 * the first read (False Start, RFC 7918); {@code refusedOnFirstRead} tells, once a read failed, whether the
 * server refused the handshake there: the connector then asks that address through JSSE, as it does a server
 * that refuses at once, so a fresh connection may still get an answer.
 */
public record TlsChannel(Socket socket, InputStream in, OutputStream out, String protocol, byte[] leafCertificate,
		BooleanSupplier refusedOnFirstRead) implements Closeable {

	/** A connection whose handshake was complete when it was handed over. */
	public TlsChannel(Socket socket, InputStream in, OutputStream out, String protocol, byte[] leafCertificate) {
		this(socket, in, out, protocol, leafCertificate, () -> false);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
