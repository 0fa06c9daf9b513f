package vn.camguard.scanner.tls;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;

import javax.net.ssl.SSLProtocolException;

/**
 * Asks a server whether it still speaks a protocol older than TLS 1.2 (RFC 8996 deprecates TLS 1.0 and 1.1):
 * a ClientHello whose highest version is the one asked, answered by a ServerHello (accepted, at the version
 * the server picked) or by an alert (refused). The ServerHello alone tells, so nothing is encrypted, no key is
 * made, and the connection is dropped right after it.
 */
public final class LegacyVersionProbe {

	public static final int SSL30 = 0x0300;

	public static final int TLS10 = 0x0301;

	public static final int TLS11 = 0x0302;

	/**
	 * The cipher suites legacy servers hold (CBC with SHA-1, RSA and ECDHE key exchange, 3DES), so that a
	 * server willing to speak the version finds a suite and says so with a ServerHello.
	 */
	private static final byte[] SUITES = {(byte) 0xc0, 0x09, (byte) 0xc0, 0x0a, (byte) 0xc0, 0x13,
			(byte) 0xc0, 0x14, 0x00, 0x2f, 0x00, 0x35, 0x00, 0x33, 0x00, 0x39, 0x00, 0x0a};

	private static final byte[] EXTENSIONS = {
			// supported_groups: x25519, secp256r1, secp384r1
			0x00, 0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18,
			// ec_point_formats: uncompressed
			0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,
			// renegotiation_info, empty (RFC 5746)
			(byte) 0xff, 0x01, 0x00, 0x01, 0x00};

	private LegacyVersionProbe() {
	}

	/**
	 * Sends a ClientHello offering at most {@code highest} on {@code socket} (connected, nothing sent yet) and
	 * returns the version of the server's ServerHello; empty when the server refused (an alert, a hang-up) or
	 * answered something that is not a TLS ServerHello at or below {@code highest}. The whole exchange ends
	 * within {@code timeoutMillis}, or with 0 within the bounds the caller keeps on the socket; the socket is
	 * left to the caller to close.
	 */
	public static Optional<Integer> chosenVersion(Socket socket, int highest, byte[] random, int timeoutMillis)
			throws IOException {
		if (random.length != 32) {
			throw new IllegalArgumentException("a ClientHello random is 32 bytes");
		}
		byte[] hello = TlsClient.handshakeMessage(TlsClient.CLIENT_HELLO,
				TlsClient.clientHello(highest, random, new byte[0], SUITES, EXTENSIONS));
		// Record version 3.1, as clients have sent hellos since TLS 1.0 for servers that know no later one.
		// Header and hello go out in one write: one system call and one segment.
		byte[] record = new byte[5 + hello.length];
		record[0] = RecordLayer.HANDSHAKE;
		record[1] = 3;
		record[2] = 1;
		record[3] = (byte) (hello.length >>> 8);
		record[4] = (byte) hello.length;
		System.arraycopy(hello, 0, record, 5, hello.length);
		OutputStream out = socket.getOutputStream();
		out.write(record);
		out.flush();
		RecordLayer records = new RecordLayer(socket);
		if (timeoutMillis > 0) {
			records.deadline(System.nanoTime() + timeoutMillis * 1_000_000L);
		}
		RecordLayer.Record answer;
		try {
			answer = records.read();
		}
		catch (EOFException | SSLProtocolException ex) {
			return Optional.empty();
		}
		byte[] fragment = answer.fragment();
		if (answer.type() != RecordLayer.HANDSHAKE || fragment.length < 6 || fragment[0] != TlsClient.SERVER_HELLO) {
			return Optional.empty();
		}
		int version = (fragment[4] & 0xff) << 8 | fragment[5] & 0xff;
		return version >= SSL30 && version <= highest ? Optional.of(version) : Optional.empty();
	}

	/** The name JSSE gives a version ("TLSv1.1"), so evidence reads the same as for negotiated versions. */
	public static String name(int version) {
		return switch (version) {
			case SSL30 -> "SSLv3";
			case TLS10 -> "TLSv1";
			case TLS11 -> "TLSv1.1";
			default -> "0x" + Integer.toHexString(version);
		};
	}

}
