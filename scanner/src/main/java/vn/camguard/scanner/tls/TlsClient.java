package vn.camguard.scanner.tls;

import vn.camguard.curve25519.X25519;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;

/**
 * The client side of a TLS 1.2 handshake (RFC 5246 §7) over a connected socket: ECDHE with x25519 or
 * secp256r1 (RFC 8422), ChaCha20-Poly1305 suites (RFC 7905) first, then AES-128-GCM ones (RFC 5289), extended
 * master secret (RFC 7627) and resumption of an earlier session by its id. One instance runs one handshake.
 * ChaCha20-Poly1305 leads because a scan runs C1-compiled, where the JDK's AES-GCM costs 2.5 to 4 times as much
 * per record; a server that keeps its own order may still pick AES-GCM (JSSE's does with an ECDSA key).
 * <p>
 * A full handshake False Starts (RFC 7918): the client's Finished flight is not sent alone but with the first
 * application data, and the server's ChangeCipherSpec and Finished are read and checked on the first read, before
 * any application data is returned. That saves the round trip the server's Finished would cost before the first
 * request. RFC 7918 §5 allows it for every suite offered here: ECDHE, which is forward secret, with an AEAD cipher.
 */
public final class TlsClient {

	/**
	 * A finished handshake: application data streams and the session, resumable when it has an id. After a full
	 * handshake the server's Finished is still to be checked: the first read of {@code in} does it, and fails
	 * (and every later read with it) when the check does.
	 */
	public record Established(InputStream in, OutputStream out, TlsSession session, boolean resumed) {
	}

	/**
	 * Hears what became of the server's Finished (RFC 5246 §7.4.9), the proof that it holds the same keys: on a
	 * resumed handshake before {@link #handshake} returns, after a False Start on the first read.
	 */
	public interface ServerFinished {

		/** The Finished matched: {@code session} is proven and may be offered for resumption. */
		void verified(TlsSession session);

		/**
		 * After a False Start the server did not finish the handshake this client can finish (an alert, a
		 * message other than ChangeCipherSpec and Finished, a Finished that does not match, a hang-up): the first
		 * read throws {@code reason}. A full TLS stack may still succeed with this server. A refusal during
		 * {@link #handshake} itself is thrown from there instead.
		 */
		void refused(TlsUnsupportedException reason);

	}

	/** For callers that neither keep sessions nor fall back. */
	private static final ServerFinished UNHEARD = new ServerFinished() {
		@Override
		public void verified(TlsSession session) {
		}

		@Override
		public void refused(TlsUnsupportedException reason) {
		}
	};

	private static final int TLS12 = 0x0303;

	private static final int ECDHE_ECDSA_CHACHA20_POLY1305_SHA256 = 0xcca9;

	private static final int ECDHE_RSA_CHACHA20_POLY1305_SHA256 = 0xcca8;

	private static final int ECDHE_ECDSA_AES_128_GCM_SHA256 = 0xc02b;

	private static final int ECDHE_RSA_AES_128_GCM_SHA256 = 0xc02f;

	private static final int X25519_GROUP = 0x001d;

	private static final int SECP256R1_GROUP = 0x0017;

	static final int CLIENT_HELLO = 1;

	static final int SERVER_HELLO = 2;

	private static final int CERTIFICATE = 11;

	private static final int SERVER_KEY_EXCHANGE = 12;

	private static final int CERTIFICATE_REQUEST = 13;

	private static final int SERVER_HELLO_DONE = 14;

	private static final int CLIENT_KEY_EXCHANGE = 16;

	private static final int FINISHED = 20;

	private static final int EXTENDED_MASTER_SECRET = 0x0017;

	private static final int PROTOCOL_VERSION_ALERT = 70;

	/** A certificate chain is the largest message a server sends; anything bigger is not a camera's. */
	private static final int MAX_MESSAGE = 64 * 1024;

	/** Bounds the records of one handshake, so empty or tiny records cannot keep it going. */
	private static final int MAX_RECORDS = 64;

	/** The suites offered, the cheapest first; {@link #aead} knows each. */
	private static final byte[] SUITES = {(byte) 0xcc, (byte) 0xa9, (byte) 0xcc, (byte) 0xa8, (byte) 0xc0, 0x2b,
			(byte) 0xc0, 0x2f};

	private static final byte[] CLIENT_HELLO_EXTENSIONS = {
			// supported_groups: x25519, secp256r1
			0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17,
			// ec_point_formats: uncompressed
			0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,
			// signature_algorithms: ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256,
			// ecdsa_secp384r1_sha384, rsa_pss_rsae_sha384, rsa_pkcs1_sha384, rsa_pkcs1_sha512, rsa_pkcs1_sha1,
			// ecdsa_sha1: the signature is not checked, so any a server may hold is welcome
			0x00, 0x0d, 0x00, 0x14, 0x00, 0x12, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01, 0x05, 0x03, 0x08, 0x05, 0x05, 0x01,
			0x06, 0x01, 0x02, 0x01, 0x02, 0x03,
			// renegotiation_info, empty (RFC 5746)
			(byte) 0xff, 0x01, 0x00, 0x01, 0x00,
			// extended_master_secret (RFC 7627)
			0x00, 0x17, 0x00, 0x00};

	private final Socket socket;

	private final RecordLayer records;

	private final SecureRandom random;

	private final MessageDigest transcript;

	private final Mac hmac;

	private byte[] pending = new byte[0];

	private int recordsRead;

	private TlsClient(Socket socket, SecureRandom random) throws IOException, GeneralSecurityException {
		this.socket = socket;
		this.records = new RecordLayer(socket);
		this.random = random;
		this.transcript = MessageDigest.getInstance("SHA-256");
		this.hmac = Mac.getInstance("HmacSHA256");
	}

	/**
	 * Runs a handshake on {@code socket}, offering {@code offer} for resumption, finished within
	 * {@code timeoutMillis}; with 0, within whatever bounds the caller keeps on the socket (the scan's watchdog,
	 * which closes it at the deadline: that surfaces as a timeout). The socket's read timeout is restored
	 * afterwards.
	 *
	 * @throws TlsUnsupportedException when the server wants what this client does not do, or refuses it
	 * @throws IOException on timeouts and on input that is not TLS
	 */
	public static Established handshake(Socket socket, Optional<TlsSession> offer, SecureRandom random,
			int timeoutMillis) throws IOException {
		return handshake(socket, offer, random, timeoutMillis, UNHEARD);
	}

	/**
	 * As {@link #handshake(Socket, Optional, SecureRandom, int)}, telling {@code serverFinished} what became of
	 * the server's Finished; after a False Start that is known on the first read only, bounded as any read is
	 * (the socket's read timeout, or the caller's watchdog).
	 */
	public static Established handshake(Socket socket, Optional<TlsSession> offer, SecureRandom random,
			int timeoutMillis, ServerFinished serverFinished) throws IOException {
		int readTimeout = socket.getSoTimeout();
		try {
			TlsClient client = new TlsClient(socket, random);
			if (timeoutMillis > 0) {
				client.records.deadline(System.nanoTime() + timeoutMillis * 1_000_000L);
			}
			Established established = client.run(offer, serverFinished);
			client.records.deadline(0);
			return established;
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw failure(ex, socket);
		}
		finally {
			if (!socket.isClosed()) {
				socket.setSoTimeout(readTimeout);
			}
		}
	}

	/**
	 * How a failed handshake surfaces, during {@link #handshake} or at the first read after a False Start. A
	 * socket closed on this side was closed at its deadline (a watchdog): a timeout, not the server's refusal.
	 */
	private static IOException failure(Exception ex, Socket socket) {
		if (socket.isClosed() && !(ex instanceof SocketTimeoutException)) {
			SocketTimeoutException late = new SocketTimeoutException("TLS connection closed at its deadline");
			late.initCause(ex);
			return late;
		}
		return switch (ex) {
			// Some servers hang up on a hello they do not like instead of sending an alert.
			case EOFException closed -> new TlsUnsupportedException("connection closed during the handshake", closed);
			case SocketException closed -> new TlsUnsupportedException("connection closed during the handshake", closed);
			// Timeouts, TLS errors and refusals as they are.
			case IOException other -> other;
			default -> {
				SSLHandshakeException failed = new SSLHandshakeException("key exchange failed: " + ex);
				failed.initCause(ex);
				yield failed;
			}
		};
	}

	private Established run(Optional<TlsSession> offer, ServerFinished serverFinished)
			throws IOException, GeneralSecurityException {
		byte[] clientRandom = new byte[32];
		random.nextBytes(clientRandom);
		byte[] offeredId = offer.map(TlsSession::id).orElse(new byte[0]);
		sendHandshake(CLIENT_HELLO, clientHello(TLS12, clientRandom, offeredId, SUITES, CLIENT_HELLO_EXTENSIONS));
		records.flush();

		Cursor hello = expect(SERVER_HELLO);
		int version = hello.u16();
		byte[] serverRandom = hello.bytes(32);
		byte[] sessionId = hello.bytes(hello.u8());
		int suite = hello.u16();
		int compression = hello.u8();
		boolean extendedMasterSecret = false;
		if (hello.remaining() > 0) {
			Cursor extensions = hello.cursor(hello.u16());
			while (extensions.remaining() > 0) {
				int type = extensions.u16();
				extensions.bytes(extensions.u16());
				extendedMasterSecret |= type == EXTENDED_MASTER_SECRET;
			}
		}
		hello.end();
		if (version != TLS12) {
			throw new TlsUnsupportedException("server chose version " + Integer.toHexString(version), false);
		}
		Optional<RecordLayer.Aead> aead = aead(suite);
		if (aead.isEmpty() || compression != 0 || sessionId.length > 32) {
			throw new TlsUnsupportedException("server chose suite " + Integer.toHexString(suite), false);
		}

		if (offer.isPresent() && sessionId.length > 0 && Arrays.equals(sessionId, offeredId)) {
			TlsSession session = offer.get();
			if (session.cipherSuite() != suite || session.extendedMasterSecret() != extendedMasterSecret) {
				// RFC 7627 §5.3: a resumption may not change whether the extended master secret is in use.
				throw new TlsUnsupportedException("resumed session changed its parameters", false);
			}
			RecordLayer.Keys keys = keys(aead.get(), session.masterSecret(), clientRandom, serverRandom);
			receiveFinished(session.masterSecret(), keys);
			sendFinished(session.masterSecret(), keys);
			records.flush();
			serverFinished.verified(session);
			return new Established(records.input(), records.output(), session, true);
		}

		Cursor certificates = expect(CERTIFICATE);
		Cursor chain = certificates.cursor(certificates.u24());
		byte[] leaf = chain.remaining() > 0 ? chain.bytes(chain.u24()) : new byte[0];
		certificates.end();

		Cursor exchange = expect(SERVER_KEY_EXCHANGE);
		if (exchange.u8() != 3) {
			throw new TlsUnsupportedException("server key exchange without a named curve", false);
		}
		int group = exchange.u16();
		byte[] serverShare = exchange.bytes(exchange.u8());
		// The signature over the key exchange is read but not verified, and the certificate is not
		// validated: the scanner makes no trust decision on TLS (a camera's certificate is self-signed and
		// would be accepted anyway), so checking them would only spend CPU.
		exchange.u16();
		exchange.bytes(exchange.u16());
		exchange.end();

		Cursor done = nextMessage();
		if (done.type == CERTIFICATE_REQUEST) {
			throw new TlsUnsupportedException("server asks for a client certificate", false);
		}
		if (done.type != SERVER_HELLO_DONE) {
			throw new TlsUnsupportedException("unexpected handshake message " + done.type, false);
		}
		done.end();

		KeyShare share = keyShare(group, serverShare);
		sendHandshake(CLIENT_KEY_EXCHANGE, concat(new byte[] {(byte) share.publicKey().length}, share.publicKey()));
		byte[] masterSecret = extendedMasterSecret
				? prf(share.secret(), "extended master secret", handshakeHash(), 48)
				: prf(share.secret(), "master secret", concat(clientRandom, serverRandom), 48);
		RecordLayer.Keys keys = keys(aead.get(), masterSecret, clientRandom, serverRandom);
		// Queued, not flushed: the first application data goes out with it (RFC 7918 §4).
		sendFinished(masterSecret, keys);
		TlsSession session = new TlsSession(sessionId, masterSecret, suite, extendedMasterSecret,
				leaf.length <= TlsSession.MAX_LEAF ? leaf : new byte[0]);
		return new Established(new FalseStarted(masterSecret, keys, session, serverFinished), records.output(),
				session, false);
	}

	/**
	 * A ClientHello body (RFC 5246 §7.4.1.2) offering at most {@code version}, the cipher suites {@code suites}
	 * (two bytes each) and no compression; also what {@link LegacyVersionProbe} asks old servers with.
	 */
	static byte[] clientHello(int version, byte[] clientRandom, byte[] sessionId, byte[] suites, byte[] extensions) {
		ByteArrayOutputStream hello = new ByteArrayOutputStream(128);
		hello.write(version >>> 8);
		hello.write(version & 0xff);
		hello.writeBytes(clientRandom);
		hello.write(sessionId.length);
		hello.writeBytes(sessionId);
		hello.write(suites.length >>> 8);
		hello.write(suites.length & 0xff);
		hello.writeBytes(suites);
		hello.writeBytes(new byte[] {0x01, 0x00});
		hello.write(extensions.length >>> 8);
		hello.write(extensions.length & 0xff);
		hello.writeBytes(extensions);
		return hello.toByteArray();
	}

	/** A handshake message: type, 24-bit length, body (RFC 5246 §7.4). */
	static byte[] handshakeMessage(int type, byte[] body) {
		byte[] message = new byte[4 + body.length];
		message[0] = (byte) type;
		message[1] = (byte) (body.length >>> 16);
		message[2] = (byte) (body.length >>> 8);
		message[3] = (byte) body.length;
		System.arraycopy(body, 0, message, 4, body.length);
		return message;
	}

	/** The record protection of a suite this client offers; empty for any other. */
	private static Optional<RecordLayer.Aead> aead(int suite) {
		return switch (suite) {
			case ECDHE_ECDSA_CHACHA20_POLY1305_SHA256, ECDHE_RSA_CHACHA20_POLY1305_SHA256 ->
				Optional.of(RecordLayer.Aead.CHACHA20_POLY1305);
			case ECDHE_ECDSA_AES_128_GCM_SHA256, ECDHE_RSA_AES_128_GCM_SHA256 -> Optional.of(RecordLayer.Aead.AES_128_GCM);
			default -> Optional.empty();
		};
	}

	/** RFC 5246 §6.3: the key block, cut as {@code aead} needs it. */
	private RecordLayer.Keys keys(RecordLayer.Aead aead, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom)
			throws GeneralSecurityException {
		return RecordLayer.Keys.cut(aead,
				prf(masterSecret, "key expansion", concat(serverRandom, clientRandom), aead.keyBlockLength()));
	}

	private void sendFinished(byte[] masterSecret, RecordLayer.Keys keys) throws IOException, GeneralSecurityException {
		records.write(RecordLayer.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
		records.encryptWith(keys.client());
		sendHandshake(FINISHED, prf(masterSecret, "client finished", handshakeHash(), 12));
	}

	/** The server's Finished proves both sides hold the same keys; a mismatch means garbage later. */
	private void receiveFinished(byte[] masterSecret, RecordLayer.Keys keys)
			throws IOException, GeneralSecurityException {
		if (pending.length > 0) {
			throw new TlsUnsupportedException("handshake data before change_cipher_spec", false);
		}
		RecordLayer.Record record = nextRecord();
		if (record.type() != RecordLayer.CHANGE_CIPHER_SPEC || record.fragment().length != 1
				|| record.fragment()[0] != 1) {
			throw new TlsUnsupportedException("expected change_cipher_spec, got record type " + record.type(), false);
		}
		records.decryptWith(keys.server());
		byte[] expected = prf(masterSecret, "server finished", handshakeHash(), 12);
		Cursor finished = expect(FINISHED);
		if (!MessageDigest.isEqual(finished.bytes(12), expected)) {
			throw new TlsUnsupportedException("server Finished does not match", false);
		}
		finished.end();
	}

	/**
	 * Application data after a False Start: the server's ChangeCipherSpec and Finished are read and checked before
	 * the first byte, so nothing the server sends reaches the caller unverified (RFC 7918 §4). A check that
	 * failed fails every later read too.
	 */
	private final class FalseStarted extends InputStream {

		private final InputStream data = records.input();

		private final byte[] masterSecret;

		private final RecordLayer.Keys keys;

		private final TlsSession session;

		private final ServerFinished serverFinished;

		private boolean verified;

		private IOException failed;

		FalseStarted(byte[] masterSecret, RecordLayer.Keys keys, TlsSession session, ServerFinished serverFinished) {
			this.masterSecret = masterSecret;
			this.keys = keys;
			this.session = session;
			this.serverFinished = serverFinished;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (!verified) {
				verify();
			}
			return data.read(into, offset, length);
		}

		private void verify() throws IOException {
			if (failed != null) {
				throw failed;
			}
			try {
				// A caller that reads before it writes still sends the Finished flight, or both sides would wait.
				records.flush();
				receiveFinished(masterSecret, keys);
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				failed = failure(ex, socket);
				if (failed instanceof TlsUnsupportedException refused) {
					serverFinished.refused(refused);
				}
				throw failed;
			}
			verified = true;
			serverFinished.verified(session);
		}

	}

	private record KeyShare(byte[] publicKey, byte[] secret) {
	}

	private KeyShare keyShare(int group, byte[] serverShare) throws IOException, GeneralSecurityException {
		if (group == X25519_GROUP) {
			if (serverShare.length != X25519.KEY_BYTES) {
				throw new SSLProtocolException("x25519 share of " + serverShare.length + " bytes");
			}
			// Own x25519 rather than the JDK's: under C1 it costs a fifth for the key and half for the secret.
			byte[] privateKey = new byte[X25519.KEY_BYTES];
			random.nextBytes(privateKey);
			return new KeyShare(X25519.publicKey(privateKey), X25519.sharedSecret(privateKey, serverShare));
		}
		if (group == SECP256R1_GROUP) {
			if (serverShare.length != 65 || serverShare[0] != 4) {
				throw new SSLProtocolException("secp256r1 share is not an uncompressed point");
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random);
			KeyPair pair = generator.generateKeyPair();
			ECPublicKey own = (ECPublicKey) pair.getPublic();
			ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(serverShare, 1, 33)),
					new BigInteger(1, Arrays.copyOfRange(serverShare, 33, 65)));
			PublicKey server = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, own.getParams()));
			byte[] ownPoint = new byte[65];
			ownPoint[0] = 4;
			fixed(own.getW().getAffineX(), ownPoint, 1);
			fixed(own.getW().getAffineY(), ownPoint, 33);
			return new KeyShare(ownPoint, agree("ECDH", pair, server));
		}
		throw new TlsUnsupportedException("server chose group " + group, false);
	}

	private static byte[] agree(String algorithm, KeyPair own, PublicKey server) throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
		agreement.init(own.getPrivate());
		agreement.doPhase(server, true);
		return agreement.generateSecret();
	}

	/** Writes {@code value} big-endian into 32 bytes at {@code offset}. */
	private static void fixed(BigInteger value, byte[] into, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
	}

	/** P_SHA256 (RFC 5246 §5): HMAC(secret, A(i) + label + seed) until {@code length} bytes. */
	private byte[] prf(byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
		byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
		hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
		byte[] output = new byte[length];
		byte[] a = labelled;
		for (int filled = 0; filled < length; ) {
			a = hmac.doFinal(a);
			hmac.update(a);
			byte[] block = hmac.doFinal(labelled);
			int n = Math.min(block.length, length - filled);
			System.arraycopy(block, 0, output, filled, n);
			filled += n;
		}
		return output;
	}

	private byte[] handshakeHash() throws GeneralSecurityException {
		try {
			return ((MessageDigest) transcript.clone()).digest();
		}
		catch (CloneNotSupportedException ex) {
			throw new GeneralSecurityException("SHA-256 cannot be cloned", ex);
		}
	}

	private void sendHandshake(int type, byte[] body) throws IOException {
		byte[] message = handshakeMessage(type, body);
		transcript.update(message);
		records.write(RecordLayer.HANDSHAKE, message, 0, message.length);
	}

	private Cursor expect(int type) throws IOException {
		Cursor message = nextMessage();
		if (message.type != type) {
			throw new TlsUnsupportedException("expected handshake message " + type + ", got " + message.type, false);
		}
		return message;
	}

	/** The next handshake message, reassembled from as many records as it spans, added to the transcript. */
	private Cursor nextMessage() throws IOException {
		while (pending.length < 4 || pending.length < 4 + length(pending)) {
			if (pending.length >= 4 && length(pending) > MAX_MESSAGE) {
				throw new SSLProtocolException("handshake message of " + length(pending) + " bytes is over the limit");
			}
			RecordLayer.Record record = nextRecord();
			if (record.type() != RecordLayer.HANDSHAKE) {
				throw new TlsUnsupportedException("unexpected record type " + record.type() + " in the handshake",
						false);
			}
			pending = concat(pending, record.fragment());
		}
		int end = 4 + length(pending);
		transcript.update(pending, 0, end);
		Cursor message = new Cursor(pending[0] & 0xff, Arrays.copyOfRange(pending, 4, end));
		pending = Arrays.copyOfRange(pending, end, pending.length);
		return message;
	}

	private RecordLayer.Record nextRecord() throws IOException {
		if (++recordsRead > MAX_RECORDS) {
			throw new SSLProtocolException("too many records in the handshake");
		}
		RecordLayer.Record record = records.read();
		if (record.type() == RecordLayer.ALERT) {
			SSLException alert = RecordLayer.alert(record.fragment());
			boolean versionRefused = record.fragment().length == 2 && record.fragment()[1] == PROTOCOL_VERSION_ALERT;
			throw new TlsUnsupportedException(alert.getMessage() + " during the handshake", versionRefused);
		}
		return record;
	}

	private static int length(byte[] message) {
		return (message[1] & 0xff) << 16 | (message[2] & 0xff) << 8 | message[3] & 0xff;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/** Reads a handshake message's fields; running past its end is a malformed message, never a crash. */
	private static final class Cursor {

		final int type;

		private final byte[] data;

		private int position;

		private final int end;

		Cursor(int type, byte[] data) {
			this(type, data, 0, data.length);
		}

		private Cursor(int type, byte[] data, int position, int end) {
			this.type = type;
			this.data = data;
			this.position = position;
			this.end = end;
		}

		int remaining() {
			return end - position;
		}

		int u8() throws SSLProtocolException {
			return take(1)[0] & 0xff;
		}

		int u16() throws SSLProtocolException {
			byte[] b = take(2);
			return (b[0] & 0xff) << 8 | b[1] & 0xff;
		}

		int u24() throws SSLProtocolException {
			byte[] b = take(3);
			return (b[0] & 0xff) << 16 | (b[1] & 0xff) << 8 | b[2] & 0xff;
		}

		byte[] bytes(int length) throws SSLProtocolException {
			return take(length);
		}

		/** The next {@code length} bytes as a cursor of their own; this one moves past them. */
		Cursor cursor(int length) throws SSLProtocolException {
			check(length);
			Cursor inner = new Cursor(type, data, position, position + length);
			position += length;
			return inner;
		}

		void end() throws SSLProtocolException {
			if (position != end) {
				throw new SSLProtocolException("trailing bytes in handshake message " + type);
			}
		}

		private byte[] take(int length) throws SSLProtocolException {
			check(length);
			byte[] taken = Arrays.copyOfRange(data, position, position + length);
			position += length;
			return taken;
		}

		private void check(int length) throws SSLProtocolException {
			if (length < 0 || length > end - position) {
				throw new SSLProtocolException("malformed handshake message " + type);
			}
		}

	}

}
