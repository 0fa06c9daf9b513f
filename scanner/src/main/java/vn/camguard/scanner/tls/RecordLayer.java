package vn.camguard.scanner.tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;

/**
 * The TLS 1.2 record layer (RFC 5246 §6.2) with AEAD protection, ChaCha20-Poly1305 (RFC 7905) or AES-GCM
 * (RFC 5288): frames, reads within size limits, encrypts once keys are set, and carries application data as a
 * pair of streams.
 */
final class RecordLayer {

	static final int CHANGE_CIPHER_SPEC = 20;

	static final int ALERT = 21;

	static final int HANDSHAKE = 22;

	static final int APPLICATION_DATA = 23;

	static final int MAX_PLAINTEXT = 16 * 1024;

	private static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

	private static final int NONCE = 12;

	private static final int TAG = 16;

	/** Empty records carry nothing; a peer sending endless ones must not keep a reader spinning. */
	private static final int MAX_EMPTY_RECORDS = 32;

	/** One record as read: its content type and plaintext. */
	record Record(int type, byte[] fragment) {
	}

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final byte[] header = new byte[5];

	/**
	 * A flight of handshake records goes out in one segment, not one per record; the client's last flight of a
	 * full handshake waits here for the first application data and leaves with it (False Start, RFC 7918).
	 */
	private final ByteArrayOutputStream queued = new ByteArrayOutputStream(512);

	private Direction reading;

	private Direction writing;

	/**
	 * While the handshake runs every read shares one deadline, when it has one; otherwise (and afterwards) the
	 * caller bounds the reads: the socket timeout, or a watchdog that closes the socket at the deadline.
	 */
	private long deadlineNanos;

	RecordLayer(Socket socket) throws IOException {
		this.socket = socket;
		// A server's flight comes as one segment: one read takes all its records, not two reads per record.
		this.in = new BufferedInputStream(socket.getInputStream(), MAX_CIPHERTEXT + 5);
		this.out = socket.getOutputStream();
	}

	void deadline(long deadlineNanos) {
		this.deadlineNanos = deadlineNanos;
	}

	void decryptWith(Protection protection) throws GeneralSecurityException {
		reading = new Direction(protection);
	}

	void encryptWith(Protection protection) throws GeneralSecurityException {
		writing = new Direction(protection);
	}

	Record read() throws IOException {
		readFully(header, 5);
		int type = header[0] & 0xff;
		int length = (header[3] & 0xff) << 8 | header[4] & 0xff;
		if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || header[1] != 3) {
			throw new SSLProtocolException("not a TLS record");
		}
		if (length > (reading == null ? MAX_PLAINTEXT : MAX_CIPHERTEXT)) {
			throw new SSLProtocolException("record of " + length + " bytes is over the limit");
		}
		byte[] fragment = new byte[length];
		readFully(fragment, length);
		return new Record(type, reading == null ? fragment : reading.open(type, fragment));
	}

	/** Queues one record; {@link #flush} sends what is queued in one write. */
	void write(int type, byte[] data, int offset, int length) throws IOException {
		byte[] record;
		if (writing == null) {
			record = new byte[5 + length];
			System.arraycopy(data, offset, record, 5, length);
		}
		else {
			record = writing.seal(type, data, offset, length);
		}
		record[0] = (byte) type;
		record[1] = 3;
		record[2] = 3;
		record[3] = (byte) ((record.length - 5) >>> 8);
		record[4] = (byte) (record.length - 5);
		queued.writeBytes(record);
	}

	void flush() throws IOException {
		if (queued.size() > 0) {
			out.write(queued.toByteArray());
			queued.reset();
		}
	}

	private void readFully(byte[] into, int length) throws IOException {
		int got = 0;
		while (got < length) {
			if (deadlineNanos != 0) {
				long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
				if (left <= 0) {
					throw new SocketTimeoutException("TLS handshake deadline");
				}
				socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
			}
			int n = in.read(into, got, length - got);
			if (n < 0) {
				throw new EOFException("connection closed");
			}
			got += n;
		}
	}

	/** Application data in: decrypted records, close_notify as end of stream, any other alert an error. */
	InputStream input() {
		return new InputStream() {

			private byte[] current = new byte[0];

			private int position;

			private boolean ended;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] into, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				int empty = 0;
				while (position >= current.length) {
					if (ended) {
						return -1;
					}
					Record record;
					try {
						record = RecordLayer.this.read();
					}
					catch (EOFException ex) {
						// A peer that closes without close_notify still ends the stream (RFC 5246 §7.2.1).
						ended = true;
						return -1;
					}
					if (record.type() == ALERT) {
						if (record.fragment().length == 2 && record.fragment()[1] == 0) {
							ended = true;
							return -1;
						}
						throw alert(record.fragment());
					}
					if (record.type() != APPLICATION_DATA) {
						throw new SSLProtocolException("unexpected record type " + record.type() + " after handshake");
					}
					if (record.fragment().length == 0 && ++empty > MAX_EMPTY_RECORDS) {
						throw new SSLProtocolException("too many empty records");
					}
					current = record.fragment();
					position = 0;
				}
				int n = Math.min(length, current.length - position);
				System.arraycopy(current, position, into, offset, n);
				position += n;
				return n;
			}

		};
	}

	/** Application data out: buffered up to one record, sent on flush. */
	OutputStream output() {
		return new OutputStream() {

			private final byte[] buffer = new byte[MAX_PLAINTEXT];

			private int count;

			@Override
			public void write(int b) throws IOException {
				write(new byte[] {(byte) b}, 0, 1);
			}

			@Override
			public void write(byte[] data, int offset, int length) throws IOException {
				while (length > 0) {
					int n = Math.min(length, buffer.length - count);
					System.arraycopy(data, offset, buffer, count, n);
					count += n;
					offset += n;
					length -= n;
					if (count == buffer.length) {
						flushRecord();
					}
				}
			}

			@Override
			public void flush() throws IOException {
				flushRecord();
			}

			private void flushRecord() throws IOException {
				if (count > 0) {
					RecordLayer.this.write(APPLICATION_DATA, buffer, 0, count);
					count = 0;
					RecordLayer.this.flush();
				}
			}

		};
	}

	/**
	 * The AEAD ciphers of the suites this client offers (RFC 5246 §6.2.3.3), with what each takes from the key
	 * block. Both make a record's 12-byte nonce the same way: the IV from the key block (for AES-GCM its 4-byte
	 * salt, zero-padded) XORed with a 64-bit counter at its end. AES-GCM (RFC 5288) sends that counter as an
	 * explicit nonce in each record, ChaCha20-Poly1305 (RFC 7905) uses the sequence number and sends nothing.
	 */
	enum Aead {

		AES_128_GCM("AES/GCM/NoPadding", "AES", 16, 4, 8),

		CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 32, 12, 0);

		private final String transformation;

		private final String keyAlgorithm;

		private final int keyLength;

		private final int ivLength;

		private final int explicitNonce;

		Aead(String transformation, String keyAlgorithm, int keyLength, int ivLength, int explicitNonce) {
			this.transformation = transformation;
			this.keyAlgorithm = keyAlgorithm;
			this.keyLength = keyLength;
			this.ivLength = ivLength;
			this.explicitNonce = explicitNonce;
		}

		/** RFC 5246 §6.3 without MAC keys: client write key, server write key, client IV, server IV. */
		int keyBlockLength() {
			return 2 * (keyLength + ivLength);
		}

		private AlgorithmParameterSpec parameters(byte[] nonce) {
			return switch (this) {
				case AES_128_GCM -> new GCMParameterSpec(TAG * 8, nonce);
				case CHACHA20_POLY1305 -> new IvParameterSpec(nonce);
			};
		}

	}

	/** One direction's protection: the AEAD, its write key and its IV. */
	record Protection(Aead aead, byte[] key, byte[] iv) {
	}

	/** Both directions' protection, cut from a key block of {@link Aead#keyBlockLength()} bytes. */
	record Keys(Protection client, Protection server) {

		static Keys cut(Aead aead, byte[] block) {
			int key = aead.keyLength;
			int iv = aead.ivLength;
			return new Keys(
					new Protection(aead, Arrays.copyOfRange(block, 0, key), Arrays.copyOfRange(block, 2 * key, 2 * key + iv)),
					new Protection(aead, Arrays.copyOfRange(block, key, 2 * key),
							Arrays.copyOfRange(block, 2 * key + iv, 2 * key + 2 * iv)));
		}

	}

	/** One direction's AEAD state: cipher, key, the nonce's fixed part, sequence number. */
	private static final class Direction {

		private final Aead aead;

		private final Cipher cipher;

		private final SecretKeySpec key;

		private final byte[] iv = new byte[NONCE];

		private long sequence;

		Direction(Protection protection) throws GeneralSecurityException {
			this.aead = protection.aead();
			this.cipher = Cipher.getInstance(aead.transformation);
			this.key = new SecretKeySpec(protection.key(), aead.keyAlgorithm);
			System.arraycopy(protection.iv(), 0, iv, 0, protection.iv().length);
		}

		/** Returns a whole record: header space, explicit nonce if the AEAD sends one, ciphertext and tag. */
		byte[] seal(int type, byte[] data, int offset, int length) throws IOException {
			int explicit = aead.explicitNonce;
			byte[] record = new byte[5 + explicit + length + TAG];
			if (explicit > 0) {
				// The sequence number is as good an explicit nonce as any: never repeated under one key.
				putLong(record, 5, sequence);
			}
			try {
				cipher.init(Cipher.ENCRYPT_MODE, key, aead.parameters(nonce(sequence)));
				cipher.updateAAD(additionalData(type, length));
				cipher.doFinal(data, offset, length, record, 5 + explicit);
			}
			catch (GeneralSecurityException ex) {
				throw new SSLException("cannot encrypt a record", ex);
			}
			return record;
		}

		byte[] open(int type, byte[] fragment) throws IOException {
			int explicit = aead.explicitNonce;
			int length = fragment.length - explicit - TAG;
			if (length < 0 || length > MAX_PLAINTEXT) {
				throw new SSLProtocolException("bad encrypted record length " + fragment.length);
			}
			long counter = explicit > 0 ? getLong(fragment, 0) : sequence;
			try {
				cipher.init(Cipher.DECRYPT_MODE, key, aead.parameters(nonce(counter)));
				cipher.updateAAD(additionalData(type, length));
				return cipher.doFinal(fragment, explicit, fragment.length - explicit);
			}
			catch (AEADBadTagException ex) {
				throw new SSLProtocolException("bad record MAC");
			}
			catch (GeneralSecurityException ex) {
				throw new SSLException("cannot decrypt a record", ex);
			}
		}

		/** The IV with {@code counter} XORed into its last 8 bytes. */
		private byte[] nonce(long counter) {
			byte[] nonce = iv.clone();
			for (int i = NONCE - 1; i >= NONCE - 8; i--) {
				nonce[i] ^= (byte) counter;
				counter >>>= 8;
			}
			return nonce;
		}

		/** RFC 5246 §6.2.3.3: seq_num + type + version + length, and the sequence number moves on. */
		private byte[] additionalData(int type, int length) {
			byte[] aad = new byte[13];
			putLong(aad, 0, sequence++);
			aad[8] = (byte) type;
			aad[9] = 3;
			aad[10] = 3;
			aad[11] = (byte) (length >>> 8);
			aad[12] = (byte) length;
			return aad;
		}

		private static void putLong(byte[] into, int offset, long value) {
			for (int i = 7; i >= 0; i--) {
				into[offset + i] = (byte) value;
				value >>>= 8;
			}
		}

		private static long getLong(byte[] from, int offset) {
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = value << 8 | from[offset + i] & 0xff;
			}
			return value;
		}

	}

	/** An alert from the peer as an exception naming its level and code (RFC 5246 §7.2). */
	static SSLException alert(byte[] fragment) {
		if (fragment.length != 2) {
			return new SSLProtocolException("malformed alert");
		}
		return new SSLException("TLS alert " + (fragment[0] == 1 ? "warning " : "fatal ") + (fragment[1] & 0xff));
	}

}
