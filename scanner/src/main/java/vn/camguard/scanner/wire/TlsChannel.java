package vn.camguard.scanner.wire;

import vn.camguard.scanner.tls.TlsHandshake;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A TLS connection to a device: the streams that carry plaintext, the plain socket underneath (the place for
 * deadlines and closing: closing it ends any read on the streams, whichever TLS stack runs them) and what the
 * handshake showed.
 */
public record TlsChannel(Socket socket, InputStream in, OutputStream out, TlsHandshake handshake) implements Closeable {

	/** The negotiated protocol as JSSE names it ("TLSv1.2"). */
	public String protocol() {
		return handshake.protocol();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
