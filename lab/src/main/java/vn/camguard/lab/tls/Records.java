package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 record layer of one connection (RFC 5246 §6.2): plaintext until each side's ChangeCipherSpec,
 * then sealed with the chosen suite's AEAD, ChaCha20-Poly1305 (RFC 7905) or AES-128-GCM (RFC 5288).
 */
final class Records {

	static final int CHANGE_CIPHER_SPEC = 20;

	static final int ALERT = 21;

	static final int HANDSHAKE = 22;

	static final int APPLICATION_DATA = 23;

	static final int MAX_PLAINTEXT = 16_384;

	static final int HEADER_BYTES = 5;

	private static final int NONCE_BYTES = 12;

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

	/**
	 * The AEAD ciphers of the lean server's suites (RFC 5246 §6.2.3.3), with what each takes from the key block.
	 * Both make a record's 12-byte nonce the same way: the IV from the key block (for AES-GCM its 4-byte salt,
	 * zero-padded) XORed with a 64-bit counter at its end. AES-GCM (RFC 5288) sends that counter as an explicit
	 * nonce in each record, ChaCha20-Poly1305 (RFC 7905) uses the sequence number and sends nothing.
	 */
	enum Aead {

		AES_128_GCM("AES/GCM/NoPadding", "AES", 16, 4, 8),

		CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 32, 12, 0);

		private final String transformation;

		private final String keyAlgorithm;

		final int keyBytes;

		final int ivBytes;

		private final int explicitNonceBytes;

		Aead(String transformation, String keyAlgorithm, int keyBytes, int ivBytes, int explicitNonceBytes) {
			this.transformation = transformation;
			this.keyAlgorithm = keyAlgorithm;
			this.keyBytes = keyBytes;
			this.ivBytes = ivBytes;
			this.explicitNonceBytes = explicitNonceBytes;
		}

		private AlgorithmParameterSpec parameters(byte[] nonce) {
			return switch (this) {
				case AES_128_GCM -> new GCMParameterSpec(TAG_BYTES * 8, nonce);
				case CHACHA20_POLY1305 -> new IvParameterSpec(nonce);
			};
		}

	}

	/** One direction's AEAD, write key and IV (for AES-GCM the implicit nonce salt). */
	record Protection(Aead aead, byte[] key, byte[] iv) {
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

	/** One direction's AEAD; for AES-GCM the sequence number doubles as the explicit nonce. */
	private static final class Sealer {

		private final Aead aead;

		private final SecretKeySpec key;

		private final byte[] iv = new byte[NONCE_BYTES];

		private final Cipher cipher;

		private final int mode;

		private long sequence;

		Sealer(Protection protection, int mode) throws IOException {
			this.aead = protection.aead();
			this.key = new SecretKeySpec(protection.key(), aead.keyAlgorithm);
			System.arraycopy(protection.iv(), 0, iv, 0, protection.iv().length);
			this.mode = mode;
			try {
				this.cipher = Cipher.getInstance(aead.transformation);
			}
			catch (GeneralSecurityException e) {
				throw new IOException(aead + " unavailable", e);
			}
		}

		byte[] seal(int type, byte[] plaintext) throws GeneralSecurityException {
			int explicit = aead.explicitNonceBytes;
			byte[] body = new byte[explicit + plaintext.length + TAG_BYTES];
			if (explicit > 0) {
				System.arraycopy(longBytes(sequence), 0, body, 0, explicit);
			}
			init(sequence, type, plaintext.length);
			cipher.doFinal(plaintext, 0, plaintext.length, body, explicit);
			return body;
		}

		byte[] open(byte[] header, byte[] body) throws GeneralSecurityException {
			int explicit = aead.explicitNonceBytes;
			int plainLength = body.length - explicit - TAG_BYTES;
			if (plainLength < 0 || plainLength > MAX_PLAINTEXT) {
				throw new GeneralSecurityException("bad protected record length");
			}
			init(explicit > 0 ? longValue(body) : sequence, header[0] & 0xff, plainLength);
			return cipher.doFinal(body, explicit, body.length - explicit);
		}

		/** Sets the nonce (the IV XOR {@code counter}) and the additional data; the sequence number moves on. */
		private void init(long counter, int type, int plainLength) throws GeneralSecurityException {
			byte[] nonce = iv.clone();
			byte[] count = longBytes(counter);
			for (int i = 0; i < count.length; i++) {
				nonce[NONCE_BYTES - count.length + i] ^= count[i];
			}
			cipher.init(mode, key, aead.parameters(nonce));
			byte[] aad = Arrays.copyOf(longBytes(sequence), 13);
			aad[8] = (byte) type;
			aad[9] = 3;
			aad[10] = 3;
			aad[11] = (byte) (plainLength >>> 8);
			aad[12] = (byte) plainLength;
			cipher.updateAAD(aad);
			sequence++;
		}

		private static long longValue(byte[] bytes) {
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = value << 8 | bytes[i] & 0xff;
			}
			return value;
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
