package vn.camguard.lab.device;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import vn.camguard.lab.tls.Channel;

/**
 * One accepted connection as a service sees it: the bytes in and out (deciphered on HTTPS) and the socket,
 * for timeouts. Closing ends it (with close_notify on HTTPS).
 */
public record Connection(Socket socket, InputStream in, OutputStream out) implements Closeable {

	static Connection plain(Socket socket) throws IOException {
		return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
	}

	static Connection secured(Channel channel) {
		return new Connection(channel.socket(), channel.in(), channel.out());
	}

	@Override
	public void close() throws IOException {
		try {
			out.close();
		}
		finally {
			socket.close();
		}
	}

}
