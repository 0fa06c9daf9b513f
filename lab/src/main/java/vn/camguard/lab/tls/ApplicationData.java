package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;

/** The streams a device service reads and writes over an established lean TLS 1.2 connection. */
final class ApplicationData {

	/** Each renegotiation makes the device sign; a connection gets a few, not an endless CPU drain. */
	private static final int MAX_RENEGOTIATIONS = 8;

	private ApplicationData() {
	}

	static Channel channel(Socket socket, Records records, DeviceTls device, ServerHandshake.VerifyData finished) {
		return new Channel(socket, new Input(records, device, finished), new Output(records));
	}

	/**
	 * Deciphered application data; any alert from the peer ends it. A client's renegotiation (RFC 5746) is
	 * served in between, as JSSE serves it, when its new hello is one the lean server answers.
	 */
	private static final class Input extends InputStream {

		private final Records records;

		private final DeviceTls device;

		private ServerHandshake.VerifyData finished;

		private byte[] fragment = new byte[0];

		private int position;

		private boolean ended;

		private byte[] handshake = new byte[0];

		private int renegotiations;

		Input(Records records, DeviceTls device, ServerHandshake.VerifyData finished) {
			this.records = records;
			this.device = device;
			this.finished = finished;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (position == fragment.length) {
				if (ended || !nextFragment()) {
					ended = true;
					return -1;
				}
			}
			int n = Math.min(length, fragment.length - position);
			System.arraycopy(fragment, position, buffer, offset, n);
			position += n;
			return n;
		}

		@Override
		public int available() {
			return fragment.length - position;
		}

		private boolean nextFragment() throws IOException {
			Records.Received record = records.read();
			switch (record.type()) {
				case Records.APPLICATION_DATA -> {
					fragment = record.fragment();
					position = 0;
					return true;
				}
				case Records.ALERT -> {
					return false;
				}
				case Records.HANDSHAKE -> {
					renegotiate(record.fragment());
					return true;
				}
				default -> throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "ChangeCipherSpec after the handshake");
			}
		}

		private void renegotiate(byte[] piece) throws IOException {
			handshake = KeySchedule.concat(handshake, piece);
			switch (ClientHello.progress(handshake)) {
				case NOT_A_HELLO -> throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "not a renegotiating ClientHello");
				case PARTIAL -> {
					return;
				}
				case COMPLETE -> {
					// answered below
				}
			}
			ClientHello hello = ClientHello.parse(handshake);
			handshake = new byte[0];
			Integer group = hello.leanGroupRenegotiating(finished.client());
			if (group == null || ++renegotiations > MAX_RENEGOTIATIONS) {
				// a hello the lean server cannot answer, or one handshake too many for a single connection
				// to make the device sign: declined as RFC 5746 §4.4 lets a server
				records.sendAlert(Records.Alert.NO_RENEGOTIATION);
				return;
			}
			try {
				ServerHandshake renegotiation = new ServerHandshake(device, hello, records, finished);
				finished = renegotiation.run(group);
				fragment = renegotiation.interleaved();
				position = 0;
			}
			catch (GeneralSecurityException e) {
				throw new IOException("SHA-256 unavailable", e);
			}
		}

	}

	/** Application data sealed into records of at most 16 KiB; closing sends close_notify once. */
	private static final class Output extends OutputStream {

		private final Records records;

		private boolean closed;

		Output(Records records) {
			this.records = records;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws IOException {
			if (closed) {
				throw new IOException("TLS output closed");
			}
			if (length == 0) {
				return;
			}
			ByteArrayOutputStream flight = new ByteArrayOutputStream(length + 64);
			records.seal(flight, Records.APPLICATION_DATA, data, offset, length);
			records.send(flight);
		}

		@Override
		public void close() throws IOException {
			if (!closed) {
				closed = true;
				records.sendAlert(Records.Alert.CLOSE_NOTIFY);
			}
		}

	}

}
