package vn.camguard.scanner.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A TLS connection to a device: the streams that carry plaintext, the socket underneath (the place for
 * read timeouts and closing), the negotiated protocol as JSSE names it ("TLSv1.2") and the server's leaf
 * certificate in DER (empty when unknown or too large).
 */
public record TlsChannel(Socket socket, InputStream in, OutputStream out, String protocol, byte[] leafCertificate)
		implements Closeable {

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
