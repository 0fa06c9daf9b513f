package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 record layer of one connection (RFC 5246 §6.2, AES-128-GCM per RFC 5288): plaintext until
 * each side's ChangeCipherSpec, then sealed with an explicit 8-byte nonce equal to the sequence number.
 */
final class Records {

	static final int CHANGE_CIPHER_SPEC = 20;

	static final int ALERT = 21;

	static final int HANDSHAKE = 22;

	static final int APPLICATION_DATA = 23;

	static final int MAX_PLAINTEXT = 16_384;

	static final int HEADER_BYTES = 5;

	private static final int EXPLICIT_NONCE_BYTES = 8;

	private static final int TAG_BYTES = 16;

	/** RFC 5246 §6.2.3: a protected record may grow by at most 2048 bytes. */
	private static final int MAX_RECORD = MAX_PLAINTEXT + 2_048;

	private final InputStream in;

	private final OutputStream out;

	private Sealer reading;

	private Sealer writing;

	Records(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	/** One direction's AES-128-GCM key and implicit nonce salt. */
	record Protection(byte[] key, byte[] salt) {
	}

	/** One received record, already opened. */
	record Received(int type, byte[] fragment) {
	}

	/** Decrypts every following received record (after the peer's ChangeCipherSpec). */
	void protectReading(Protection protection) throws IOException {
		reading = new Sealer(protection, Cipher.DECRYPT_MODE);
	}

	/** Encrypts every following sent record (after our ChangeCipherSpec). */
	void protectWriting(Protection protection) throws IOException {
		writing = new Sealer(protection, Cipher.ENCRYPT_MODE);
	}

	/** The next record; a malformed or forged one is answered with a fatal alert and fails. */
	Received read() throws IOException {
		byte[] header = in.readNBytes(HEADER_BYTES);
		if (header.length < HEADER_BYTES) {
			throw new EOFException("connection closed by the peer");
		}
		int type = header[0] & 0xff;
		int length = (header[3] & 0xff) << 8 | header[4] & 0xff;
		if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || header[1] != 3) {
			throw fatal(Alert.UNEXPECTED_MESSAGE, "not a TLS record");
		}
		if (length > (reading == null ? MAX_PLAINTEXT : MAX_RECORD)) {
			throw fatal(Alert.RECORD_OVERFLOW, "record of " + length + " bytes");
		}
		byte[] body = in.readNBytes(length);
		if (body.length < length) {
			throw new EOFException("connection closed inside a record");
		}
		if (reading == null) {
			return new Received(type, body);
		}
		try {
			return new Received(type, reading.open(header, body));
		}
		catch (GeneralSecurityException e) {
			throw fatal(Alert.BAD_RECORD_MAC, "record does not authenticate");
		}
	}

	/** Appends {@code data} as records of {@code type} (split at the plaintext limit) to {@code flight}. */
	void seal(ByteArrayOutputStream flight, int type, byte[] data, int offset, int length) throws IOException {
		int end = offset + length;
		do {
			int n = Math.min(MAX_PLAINTEXT, end - offset);
			byte[] fragment = Arrays.copyOfRange(data, offset, offset + n);
			byte[] body;
			try {
				body = writing == null ? fragment : writing.seal(type, fragment);
			}
			catch (GeneralSecurityException e) {
				throw new IOException("cannot protect a record", e);
			}
			flight.write(type);
			flight.write(3);
			flight.write(3);
			flight.write(body.length >>> 8);
			flight.write(body.length);
			flight.write(body);
			offset += n;
		}
		while (offset < end);
	}

	/** Sends a whole flight in one write, so a handshake costs the peer one segment per flight. */
	void send(ByteArrayOutputStream flight) throws IOException {
		out.write(flight.toByteArray());
		out.flush();
	}

	void sendAlert(Alert alert) throws IOException {
		ByteArrayOutputStream flight = new ByteArrayOutputStream(64);
		seal(flight, ALERT, alert.bytes(), 0, 2);
		send(flight);
	}

	/** Sends a fatal alert (best effort: the peer may be gone) and returns the failure to throw. */
	IOException fatal(Alert alert, String why) {
		try {
			sendAlert(alert);
		}
		catch (IOException ignored) {
			// the connection ends anyway
		}
		return new TlsFailure(why);
	}

	/** The connection failed and was ended with an alert. */
	static final class TlsFailure extends IOException {

		private static final long serialVersionUID = 1L;

		TlsFailure(String message) {
			super(message);
		}

	}

	/** The alerts the lean server sends (RFC 5246 §7.2). */
	enum Alert {

		CLOSE_NOTIFY(1, 0), UNEXPECTED_MESSAGE(2, 10), BAD_RECORD_MAC(2, 20), RECORD_OVERFLOW(2, 22),
		HANDSHAKE_FAILURE(2, 40), ILLEGAL_PARAMETER(2, 47), DECODE_ERROR(2, 50), DECRYPT_ERROR(2, 51),
		NO_RENEGOTIATION(1, 100);

		private final int level;

		private final int description;

		Alert(int level, int description) {
			this.level = level;
			this.description = description;
		}

		byte[] bytes() {
			return new byte[] { (byte) level, (byte) description };
		}

	}

	/** AES-128-GCM for one direction; the sequence number doubles as the explicit nonce. */
	private static final class Sealer {

		private final SecretKeySpec key;

		private final byte[] salt;

		private final Cipher cipher;

		private final int mode;

		private long sequence;

		Sealer(Protection protection, int mode) throws IOException {
			this.key = new SecretKeySpec(protection.key(), "AES");
			this.salt = protection.salt();
			this.mode = mode;
			try {
				this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
			}
			catch (GeneralSecurityException e) {
				throw new IOException("AES-GCM unavailable", e);
			}
		}

		byte[] seal(int type, byte[] plaintext) throws GeneralSecurityException {
			byte[] explicit = longBytes(sequence);
			init(explicit, type, plaintext.length);
			byte[] body = Arrays.copyOf(explicit, EXPLICIT_NONCE_BYTES + plaintext.length + TAG_BYTES);
			cipher.doFinal(plaintext, 0, plaintext.length, body, EXPLICIT_NONCE_BYTES);
			return body;
		}

		byte[] open(byte[] header, byte[] body) throws GeneralSecurityException {
			int plainLength = body.length - EXPLICIT_NONCE_BYTES - TAG_BYTES;
			if (plainLength < 0 || plainLength > MAX_PLAINTEXT) {
				throw new GeneralSecurityException("bad protected record length");
			}
			init(Arrays.copyOf(body, EXPLICIT_NONCE_BYTES), header[0] & 0xff, plainLength);
			return cipher.doFinal(body, EXPLICIT_NONCE_BYTES, body.length - EXPLICIT_NONCE_BYTES);
		}

		private void init(byte[] explicit, int type, int plainLength) throws GeneralSecurityException {
			byte[] nonce = KeySchedule.concat(salt, explicit);
			cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
			byte[] aad = Arrays.copyOf(longBytes(sequence), 13);
			aad[8] = (byte) type;
			aad[9] = 3;
			aad[10] = 3;
			aad[11] = (byte) (plainLength >>> 8);
			aad[12] = (byte) plainLength;
			cipher.updateAAD(aad);
			sequence++;
		}

		private static byte[] longBytes(long value) {
			byte[] bytes = new byte[8];
			for (int i = 7; i >= 0; i--) {
				bytes[i] = (byte) value;
				value >>>= 8;
			}
			return bytes;
		}

	}

}
