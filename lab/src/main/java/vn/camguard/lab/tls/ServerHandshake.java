package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One lean TLS 1.2 server handshake (RFC 5246 §7.3): ECDHE_ECDSA (RFC 8422) with ChaCha20-Poly1305 (RFC 7905)
 * or AES-128-GCM (RFC 5288), whichever {@link CipherSuite} comes first of those offered, on x25519 or secp256r1,
 * the extended master secret (RFC 7627) and secure renegotiation's empty renegotiation_info (RFC 5746) when the
 * client asks, or the abbreviated handshake for a cached session, with the session's own suite.
 */
final class ServerHandshake {

	private static final int SERVER_HELLO = 2;

	private static final int SERVER_KEY_EXCHANGE = 12;

	private static final int SERVER_HELLO_DONE = 14;

	private static final int CLIENT_KEY_EXCHANGE = 16;

	private static final int FINISHED = 20;

	private static final int NAMED_CURVE = 3;

	private static final int MAX_INTERLEAVED = 64 * 1024;

	/** RFC 8446 §4.1.3: a TLS 1.3 server (JSSE is one) that settles on TLS 1.2 says so in its random. */
	private static final byte[] DOWNGRADE_TO_TLS12 = { 0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01 };

	private final DeviceTls device;

	private final ClientHello hello;

	private final Records records;

	private final MessageDigest transcript;

	private final byte[] serverRandom;

	/** The previous handshake's Finished contents on a renegotiation (RFC 5746 §3.5), else null. */
	private final VerifyData previous;

	/** Application data the client sent during a renegotiation, before its ChangeCipherSpec. */
	private final ByteArrayOutputStream interleaved = new ByteArrayOutputStream();

	private byte[] pending = new byte[0];

	private byte[] clientVerifyData;

	private byte[] serverVerifyData;

	/** What each side's Finished said: a renegotiation must quote them (RFC 5746). */
	record VerifyData(byte[] client, byte[] server) {
	}

	/** Application data that arrived during a renegotiation, for the service to read next. */
	byte[] interleaved() {
		return interleaved.toByteArray();
	}

	ServerHandshake(DeviceTls device, ClientHello hello, Records records, VerifyData previous)
			throws GeneralSecurityException {
		this.device = device;
		this.hello = hello;
		this.records = records;
		this.previous = previous;
		this.transcript = MessageDigest.getInstance("SHA-256");
		transcript.update(hello.message());
		this.serverRandom = device.randomBytes(32);
		System.arraycopy(DOWNGRADE_TO_TLS12, 0, serverRandom, 32 - DOWNGRADE_TO_TLS12.length, DOWNGRADE_TO_TLS12.length);
	}

	/** Runs the handshake to its end; the connection then carries application data. */
	VerifyData run(int group) throws IOException {
		try {
			SessionCache.Resumable session = device.sessions().find(hello, System.currentTimeMillis());
			if (session != null) {
				resume(session);
			}
			else {
				full(group);
			}
		}
		catch (GeneralSecurityException e) {
			throw records.fatal(Records.Alert.HANDSHAKE_FAILURE, "handshake failed: " + e.getMessage());
		}
		return new VerifyData(clientVerifyData, serverVerifyData);
	}

	private void full(int group) throws IOException, GeneralSecurityException {
		CipherSuite suite = hello.leanSuite();
		byte[] sessionId = device.randomBytes(32);
		boolean ems = hello.extendedMasterSecret();
		EphemeralKey ephemeral = group == ClientHello.X25519 ? device.secrets().x25519KeyShare()
				: EphemeralKey.Secp256r1Key.fresh();
		byte[] point = ephemeral.point();

		ByteArrayOutputStream params = new ByteArrayOutputStream(80);
		params.write(NAMED_CURVE);
		params.write(group >>> 8);
		params.write(group);
		params.write(point.length);
		params.write(point);
		byte[] signature = device.secrets().sign(hello.random(), serverRandom, params.toByteArray());
		ByteArrayOutputStream keyExchange = new ByteArrayOutputStream(200);
		params.writeTo(keyExchange);
		keyExchange.write(ClientHello.ECDSA_SECP256R1_SHA256 >>> 8);
		keyExchange.write(ClientHello.ECDSA_SECP256R1_SHA256);
		keyExchange.write(signature.length >>> 8);
		keyExchange.write(signature.length);
		keyExchange.write(signature);

		ByteArrayOutputStream flight = new ByteArrayOutputStream(1024);
		sendHandshake(flight, serverHello(sessionId, suite, ems));
		sendHandshake(flight, device.certificateMessage());
		sendHandshake(flight, message(SERVER_KEY_EXCHANGE, keyExchange.toByteArray()));
		sendHandshake(flight, message(SERVER_HELLO_DONE, new byte[0]));
		records.send(flight);

		byte[] clientKeyExchange = nextMessage(CLIENT_KEY_EXCHANGE);
		int length = clientKeyExchange.length > 4 ? clientKeyExchange[4] & 0xff : -1;
		if (length != point.length || clientKeyExchange.length != 5 + length
				|| (group == ClientHello.SECP256R1 && clientKeyExchange[5] != 4)) {
			throw records.fatal(Records.Alert.ILLEGAL_PARAMETER, "bad ClientKeyExchange");
		}
		byte[] preMaster = ephemeral.agree(Arrays.copyOfRange(clientKeyExchange, 5, 5 + length));
		transcript.update(clientKeyExchange);
		byte[] master = KeySchedule.masterSecret(preMaster, ems, hashSoFar(), hello.random(), serverRandom);
		KeySchedule.Keys keys = KeySchedule.keys(suite.aead, master, hello.random(), serverRandom);

		readClientFinished(master, keys);
		flight = new ByteArrayOutputStream(128);
		sendServerFinished(flight, master, keys);
		records.send(flight);
		device.sessions().put(sessionId,
				new SessionCache.Resumable(master, suite, ems, hello.serverName(), System.currentTimeMillis()));
	}

	private void resume(SessionCache.Resumable session) throws IOException, GeneralSecurityException {
		byte[] master = session.masterSecret();
		KeySchedule.Keys keys = KeySchedule.keys(session.suite().aead, master, hello.random(), serverRandom);
		ByteArrayOutputStream flight = new ByteArrayOutputStream(256);
		sendHandshake(flight, serverHello(hello.sessionId(), session.suite(), session.extendedMasterSecret()));
		sendServerFinished(flight, master, keys);
		records.send(flight);
		readClientFinished(master, keys);
	}

	private void readClientFinished(byte[] master, KeySchedule.Keys keys) throws IOException, GeneralSecurityException {
		readChangeCipherSpec();
		records.protectReading(keys.client());
		byte[] expected = KeySchedule.verifyData(master, true, hashSoFar());
		byte[] finished = nextMessage(FINISHED);
		if (!MessageDigest.isEqual(finished, message(FINISHED, expected))) {
			throw records.fatal(Records.Alert.DECRYPT_ERROR, "the client's Finished does not verify");
		}
		clientVerifyData = expected;
		transcript.update(finished);
	}

	private void sendServerFinished(ByteArrayOutputStream flight, byte[] master, KeySchedule.Keys keys)
			throws IOException, GeneralSecurityException {
		records.seal(flight, Records.CHANGE_CIPHER_SPEC, new byte[] { 1 }, 0, 1);
		records.protectWriting(keys.server());
		serverVerifyData = KeySchedule.verifyData(master, false, hashSoFar());
		sendHandshake(flight, message(FINISHED, serverVerifyData));
	}

	private byte[] serverHello(byte[] sessionId, CipherSuite suite, boolean ems) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(128);
		body.write(3);
		body.write(3);
		body.write(serverRandom);
		body.write(sessionId.length);
		body.write(sessionId);
		body.write(suite.code >>> 8);
		body.write(suite.code);
		body.write(0);
		// JSSE's order and choice: no ec_point_formats in its ServerHello, uncompressed is implied
		ByteArrayOutputStream extensions = new ByteArrayOutputStream(16);
		if (ems) {
			extensions.write(new byte[] { 0x00, 0x17, 0x00, 0x00 });
		}
		if (previous != null) {
			byte[] renegotiated = KeySchedule.concat(previous.client(), previous.server());
			extensions.write(new byte[] { (byte) 0xff, 0x01, 0x00, (byte) (renegotiated.length + 1),
					(byte) renegotiated.length });
			extensions.write(renegotiated);
		}
		else if (hello.secureRenegotiation()) {
			extensions.write(new byte[] { (byte) 0xff, 0x01, 0x00, 0x01, 0x00 });
		}
		if (extensions.size() > 0) {
			body.write(extensions.size() >>> 8);
			body.write(extensions.size());
			extensions.writeTo(body);
		}
		return message(SERVER_HELLO, body.toByteArray());
	}

	/** Each handshake message in its own record, as JSSE sends them, all in one flight. */
	private void sendHandshake(ByteArrayOutputStream flight, byte[] message) throws IOException {
		transcript.update(message);
		records.seal(flight, Records.HANDSHAKE, message, 0, message.length);
	}

	static byte[] message(int type, byte[] body) {
		byte[] message = new byte[4 + body.length];
		message[0] = (byte) type;
		message[1] = (byte) (body.length >>> 16);
		message[2] = (byte) (body.length >>> 8);
		message[3] = (byte) body.length;
		System.arraycopy(body, 0, message, 4, body.length);
		return message;
	}

	private byte[] hashSoFar() throws GeneralSecurityException {
		try {
			return ((MessageDigest) transcript.clone()).digest();
		}
		catch (CloneNotSupportedException e) {
			throw new GeneralSecurityException("SHA-256 cannot fork the transcript", e);
		}
	}

	/** The next whole handshake message from the client, which must be of {@code type}. */
	private byte[] nextMessage(int type) throws IOException {
		while (pending.length < 4 || pending.length < 4 + bodyLength(pending)) {
			if (pending.length >= 4 && bodyLength(pending) > 1024) {
				throw records.fatal(Records.Alert.DECODE_ERROR, "oversized handshake message");
			}
			Records.Received record = nextRecord();
			if (record.type() != Records.HANDSHAKE || record.fragment().length == 0) {
				throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "expected a handshake message");
			}
			pending = KeySchedule.concat(pending, record.fragment());
		}
		int end = 4 + bodyLength(pending);
		byte[] message = Arrays.copyOf(pending, end);
		pending = Arrays.copyOfRange(pending, end, pending.length);
		if ((message[0] & 0xff) != type) {
			throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "unexpected handshake message " + message[0]);
		}
		return message;
	}

	private void readChangeCipherSpec() throws IOException {
		if (pending.length > 0) {
			throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "ChangeCipherSpec inside a handshake message");
		}
		Records.Received record = nextRecord();
		if (record.type() != Records.CHANGE_CIPHER_SPEC || record.fragment().length != 1 || record.fragment()[0] != 1) {
			throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "expected ChangeCipherSpec");
		}
	}

	/** The next record of the handshake; a renegotiating client may still send application data in between. */
	private Records.Received nextRecord() throws IOException {
		while (true) {
			Records.Received record = records.read();
			if (record.type() == Records.ALERT) {
				throw new Records.TlsFailure("the client ended the handshake with an alert");
			}
			if (record.type() != Records.APPLICATION_DATA || previous == null) {
				return record;
			}
			if (interleaved.size() + record.fragment().length > MAX_INTERLEAVED) {
				throw records.fatal(Records.Alert.UNEXPECTED_MESSAGE, "too much data during a renegotiation");
			}
			interleaved.writeBytes(record.fragment());
		}
	}

	/** The body length a handshake message's 4-byte header announces (RFC 5246 §7.4: type, uint24 length). */
	static int bodyLength(byte[] message) {
		return (message[1] & 0xff) << 16 | (message[2] & 0xff) << 8 | message[3] & 0xff;
	}

}
