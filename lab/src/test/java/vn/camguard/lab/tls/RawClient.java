package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import javax.crypto.KeyAgreement;

/**
 * A bare TLS 1.2 client for the tests: hand-made ClientHellos and a handshake whose second flight a test
 * may tamper with. Test code only.
 */
final class RawClient implements AutoCloseable {

	final Socket socket;

	final Records records;

	private final MessageDigest transcript;

	private byte[] pending = new byte[0];

	private boolean forgeFinished;

	RawClient(InetSocketAddress server) throws IOException, GeneralSecurityException {
		socket = new Socket();
		socket.connect(server, 2_000);
		socket.setSoTimeout(3_000);
		records = new Records(socket.getInputStream(), socket.getOutputStream());
		transcript = MessageDigest.getInstance("SHA-256");
	}

	/** The result of a handshake the server finished correctly. */
	record Session(byte[] id, byte[] master, CipherSuite suite, boolean resumed) {
	}

	/** A ClientHello handshake message; {@code sessionId} may be empty. */
	static byte[] hello(int version, int[] suites, int[] groups, int[] schemes, boolean ems, byte[] sessionId,
			byte[]... extraExtensions) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(version >>> 8);
		body.write(version);
		body.writeBytes(new byte[32]);
		body.write(sessionId.length);
		body.writeBytes(sessionId);
		u16(body, suites.length * 2);
		for (int suite : suites) {
			u16(body, suite);
		}
		body.write(1);
		body.write(0);
		ByteArrayOutputStream extensions = new ByteArrayOutputStream();
		extension(extensions, 0x000a, u16List(groups, true));
		extension(extensions, 0x000d, u16List(schemes, true));
		extension(extensions, 0x000b, new byte[] { 1, 0 });
		extension(extensions, 0xff01, new byte[] { 0 });
		if (ems) {
			extension(extensions, 0x0017, new byte[0]);
		}
		for (byte[] extra : extraExtensions) {
			extensions.writeBytes(extra);
		}
		u16(body, extensions.size());
		body.writeBytes(extensions.toByteArray());
		byte[] message = ServerHandshake.message(1, body.toByteArray());
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		System.arraycopy(random, 0, message, 6, random.length);
		return message;
	}

	/** A hello as the scanner sent it before it offered ChaCha20-Poly1305: AES-128-GCM suites only. */
	static byte[] leanHello(boolean ems, byte[] sessionId) {
		return leanHello(new int[] { 0xc02b, 0xc02f }, ems, sessionId);
	}

	/** A hello the lean server answers, offering {@code suites}. */
	static byte[] leanHello(int[] suites, boolean ems, byte[] sessionId) {
		return hello(0x0303, suites, new int[] { 0x001d, 0x0017 }, new int[] { 0x0403, 0x0804 }, ems, sessionId);
	}

	static byte[] record(int type, byte[] fragment) {
		byte[] record = new byte[5 + fragment.length];
		record[0] = (byte) type;
		record[1] = 3;
		record[2] = 3;
		record[3] = (byte) (fragment.length >>> 8);
		record[4] = (byte) fragment.length;
		System.arraycopy(fragment, 0, record, 5, fragment.length);
		return record;
	}

	static byte[] extension(int type, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		extension(out, type, data);
		return out.toByteArray();
	}

	/**
	 * A full or abbreviated handshake from {@code hello}; {@code tamper} may change the client's second flight
	 * (ClientKeyExchange, ChangeCipherSpec, Finished records) before it is sent.
	 */
	Session handshake(byte[] hello, boolean ems, byte[] resumeMaster, UnaryOperator<byte[]> tamper)
			throws IOException, GeneralSecurityException {
		send(record(Records.HANDSHAKE, hello));
		transcript.update(hello);
		byte[] serverHello = next(2);
		byte[] clientRandom = Arrays.copyOfRange(hello, 6, 38);
		byte[] serverRandom = Arrays.copyOfRange(serverHello, 6, 38);
		byte[] id = Arrays.copyOfRange(serverHello, 39, 39 + serverHello[38]);
		byte[] offered = Arrays.copyOfRange(hello, 39, 39 + hello[38]);
		int code = (serverHello[39 + id.length] & 0xff) << 8 | serverHello[40 + id.length] & 0xff;
		CipherSuite suite = Arrays.stream(CipherSuite.values()).filter(s -> s.code == code).findFirst()
				.orElseThrow(() -> new IOException("the server chose suite " + Integer.toHexString(code)));
		if (resumeMaster != null && Arrays.equals(id, offered)) {
			KeySchedule.Keys keys = KeySchedule.keys(suite.aead, resumeMaster, clientRandom, serverRandom);
			readServerFinished(resumeMaster, keys);
			ByteArrayOutputStream flight = new ByteArrayOutputStream();
			sendFinished(flight, resumeMaster, keys);
			send(tamper.apply(flight.toByteArray()));
			return new Session(id, resumeMaster, suite, true);
		}
		next(11);
		byte[] keyExchange = next(12);
		next(14);
		int group = (keyExchange[5] & 0xff) << 8 | keyExchange[6] & 0xff;
		byte[] serverPoint = Arrays.copyOfRange(keyExchange, 8, 8 + (keyExchange[7] & 0xff));
		KeyPairGenerator generator = KeyPairGenerator.getInstance(group == 0x001d ? "X25519" : "EC");
		if (group != 0x001d) {
			generator.initialize(new ECGenParameterSpec("secp256r1"));
		}
		KeyPair mine = generator.generateKeyPair();
		byte[] encoded = mine.getPublic().getEncoded();
		byte[] prefix = Arrays.copyOf(encoded, encoded.length - serverPoint.length);
		byte[] myPoint = Arrays.copyOfRange(encoded, prefix.length, encoded.length);
		KeyAgreement agreement = KeyAgreement.getInstance(group == 0x001d ? "XDH" : "ECDH");
		agreement.init(mine.getPrivate());
		agreement.doPhase(KeyFactory.getInstance(group == 0x001d ? "XDH" : "EC")
				.generatePublic(new X509EncodedKeySpec(KeySchedule.concat(prefix, serverPoint))), true);
		byte[] preMaster = agreement.generateSecret();
		byte[] clientKeyExchange = ServerHandshake.message(16, KeySchedule.concat(new byte[] { (byte) myPoint.length }, myPoint));
		transcript.update(clientKeyExchange);
		byte[] master = KeySchedule.masterSecret(preMaster, ems, hash(), clientRandom, serverRandom);
		KeySchedule.Keys keys = KeySchedule.keys(suite.aead, master, clientRandom, serverRandom);
		ByteArrayOutputStream flight = new ByteArrayOutputStream();
		records.seal(flight, Records.HANDSHAKE, clientKeyExchange, 0, clientKeyExchange.length);
		sendFinished(flight, master, keys);
		send(tamper.apply(flight.toByteArray()));
		readServerFinished(master, keys);
		return new Session(id, master, suite, false);
	}

	private void sendFinished(ByteArrayOutputStream flight, byte[] master, KeySchedule.Keys keys)
			throws IOException, GeneralSecurityException {
		records.seal(flight, Records.CHANGE_CIPHER_SPEC, new byte[] { 1 }, 0, 1);
		records.protectWriting(keys.client());
		byte[] verifyData = KeySchedule.verifyData(master, true, hash());
		if (forgeFinished) {
			verifyData[0] ^= 1;
		}
		byte[] finished = ServerHandshake.message(20, verifyData);
		transcript.update(finished);
		records.seal(flight, Records.HANDSHAKE, finished, 0, finished.length);
	}

	private void readServerFinished(byte[] master, KeySchedule.Keys keys) throws IOException, GeneralSecurityException {
		Records.Received change = records.read();
		if (change.type() == Records.ALERT) {
			throw new Alerted(change.fragment());
		}
		if (change.type() != Records.CHANGE_CIPHER_SPEC) {
			throw new IOException("expected ChangeCipherSpec, got record type " + change.type());
		}
		records.protectReading(keys.server());
		byte[] expected = ServerHandshake.message(20, KeySchedule.verifyData(master, false, hash()));
		if (!Arrays.equals(next(20), expected)) {
			throw new IOException("the server's Finished does not verify");
		}
	}

	/** Runs a full handshake whose Finished carries a wrong verify_data; the server's alert (level, description). */
	byte[] wrongFinished(byte[] hello) throws IOException, GeneralSecurityException {
		forgeFinished = true;
		try {
			handshake(hello, true, null, UnaryOperator.identity());
			throw new IOException("the server accepted a wrong Finished");
		}
		catch (Alerted e) {
			return e.alert;
		}
	}

	/** The server answered with an alert. */
	static final class Alerted extends IOException {

		private static final long serialVersionUID = 1L;

		final byte[] alert;

		Alerted(byte[] alert) {
			super("alert " + Arrays.toString(alert));
			this.alert = alert;
		}

	}

	/** Sends application data and reads what comes back until the server closes. */
	String exchange(String text) throws IOException {
		ByteArrayOutputStream flight = new ByteArrayOutputStream();
		byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		records.seal(flight, Records.APPLICATION_DATA, bytes, 0, bytes.length);
		records.send(flight);
		StringBuilder answer = new StringBuilder();
		while (true) {
			Records.Received record = records.read();
			if (record.type() != Records.APPLICATION_DATA) {
				return answer.toString();
			}
			answer.append(new String(record.fragment(), java.nio.charset.StandardCharsets.US_ASCII));
		}
	}

	void send(byte[] bytes) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(bytes);
		out.flush();
	}

	/** Everything the server sends until it closes (or 3 s of silence). */
	static byte[] drain(InputStream in) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				all.write(buffer, 0, n);
			}
		}
		catch (IOException e) {
			// a reset or a timeout ends it too
		}
		return all.toByteArray();
	}

	private byte[] next(int type) throws IOException {
		while (pending.length < 4 || pending.length < 4 + length(pending)) {
			Records.Received record = records.read();
			if (record.type() != Records.HANDSHAKE) {
				throw new IOException("record type " + record.type() + " while expecting handshake type " + type);
			}
			pending = KeySchedule.concat(pending, record.fragment());
		}
		byte[] message = Arrays.copyOf(pending, 4 + length(pending));
		pending = Arrays.copyOfRange(pending, message.length, pending.length);
		if (message[0] != type) {
			throw new IOException("handshake type " + message[0] + " instead of " + type);
		}
		transcript.update(message);
		return message;
	}

	private byte[] hash() throws GeneralSecurityException {
		try {
			return ((MessageDigest) transcript.clone()).digest();
		}
		catch (CloneNotSupportedException e) {
			throw new GeneralSecurityException(e);
		}
	}

	private static int length(byte[] message) {
		return (message[1] & 0xff) << 16 | (message[2] & 0xff) << 8 | message[3] & 0xff;
	}

	private static void u16(ByteArrayOutputStream out, int value) {
		out.write(value >>> 8);
		out.write(value);
	}

	private static byte[] u16List(int[] values, boolean withLength) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (withLength) {
			u16(out, values.length * 2);
		}
		for (int value : values) {
			u16(out, value);
		}
		return out.toByteArray();
	}

	private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
		u16(out, type);
		u16(out, data.length);
		out.writeBytes(data);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
