package vn.camguard.scanner.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.2 server on loopback written for the tests, from RFC 5246: ECDHE x25519, AES-128-GCM, no extended
 * master secret, an empty certificate list and an empty signature (the client checks neither). It waits for the
 * client's first application data before it finishes the handshake, so only a False-Starting client gets an
 * answer, and then ends the handshake as its {@link Ending} says, well or badly. Each connection's ending is
 * chosen by its number (1 for the first); {@link Ending#JSSE} hands the connection to a real JSSE server instead.
 */
final class FakeTlsServer implements AutoCloseable {

	/** How the server ends the handshake after the client's Finished and first request. */
	enum Ending {

		/** ChangeCipherSpec, the right Finished, the answer. */
		RIGHT_FINISHED,
		/** ChangeCipherSpec, a Finished one bit off, the answer anyway. */
		WRONG_FINISHED,
		/** A fatal handshake_failure alert. */
		ALERT,
		/** A HelloRequest where ChangeCipherSpec belongs. */
		HANDSHAKE_BEFORE_CHANGE_CIPHER_SPEC,
		/** ChangeCipherSpec, then the answer without a Finished. */
		DATA_INSTEAD_OF_FINISHED,
		/** The connection closed. */
		HANG_UP,
		/** Nothing for three seconds. */
		SILENCE,
		/** Not this server at all: JSSE with the lab's key serves the connection. */
		JSSE,
		/**
		 * No ending: the x25519 share sent is u = 0, a point of small order whose shared secret is all zeros,
		 * which the client must refuse before it sends anything more (RFC 7748 §6.1).
		 */
		SMALL_ORDER_SHARE

	}

	/** What each answer carries after the status line and headers. */
	static final String BODY = "fake";

	private final ServerSocket server = new ServerSocket();

	private final IntFunction<Ending> endings;

	final AtomicInteger connections = new AtomicInteger();

	/** Per connection served by the fake handshake, the session id its ClientHello offered, in hex. */
	final List<String> offered = new CopyOnWriteArrayList<>();

	/** Per connection served by the fake handshake, the session id it gave, in hex. */
	final List<String> issued = new CopyOnWriteArrayList<>();

	/** The first request of each connection served by the fake handshake, as the client False Started it. */
	final List<String> requests = new CopyOnWriteArrayList<>();

	FakeTlsServer(IntFunction<Ending> endings) throws IOException {
		this.endings = endings;
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread.ofVirtual().start(this::accept);
	}

	InetAddress address() {
		return server.getInetAddress();
	}

	int port() {
		return server.getLocalPort();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Ending ending = endings.apply(connections.incrementAndGet());
				Thread.ofVirtual().start(() -> serve(socket, ending));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, Ending ending) {
		try (socket) {
			socket.setSoTimeout(3000);
			if (ending == Ending.JSSE) {
				jsse(socket);
			}
			else {
				handshake(socket, ending);
			}
		}
		catch (Exception ex) {
			// The client gave up or fell back: its side is what the tests look at.
		}
	}

	private void handshake(Socket socket, Ending ending) throws Exception {
		RecordLayer records = new RecordLayer(socket);
		MessageDigest transcript = MessageDigest.getInstance("SHA-256");
		byte[] hello = expect(records, RecordLayer.HANDSHAKE).fragment();
		transcript.update(hello);
		byte[] clientRandom = Arrays.copyOfRange(hello, 6, 38);
		offered.add(HexFormat.of().formatHex(Arrays.copyOfRange(hello, 39, 39 + hello[38])));

		SecureRandom random = new SecureRandom();
		byte[] serverRandom = new byte[32];
		random.nextBytes(serverRandom);
		byte[] sessionId = new byte[32];
		random.nextBytes(sessionId);
		issued.add(HexFormat.of().formatHex(sessionId));
		KeyPair share = KeyPairGenerator.getInstance("X25519").generateKeyPair();
		byte[] encoded = share.getPublic().getEncoded();
		byte[] keyInfoPrefix = Arrays.copyOf(encoded, encoded.length - 32);

		byte[] serverHello = new byte[2 + 32 + 1 + 32 + 3];
		serverHello[0] = 3;
		serverHello[1] = 3;
		System.arraycopy(serverRandom, 0, serverHello, 2, 32);
		serverHello[34] = 32;
		System.arraycopy(sessionId, 0, serverHello, 35, 32);
		serverHello[67] = (byte) 0xc0;
		serverHello[68] = 0x2b;
		byte[] keyExchange = new byte[4 + 32 + 4];
		keyExchange[0] = 3;
		keyExchange[2] = 0x1d;
		keyExchange[3] = 32;
		if (ending != Ending.SMALL_ORDER_SHARE) {
			System.arraycopy(encoded, encoded.length - 32, keyExchange, 4, 32);
		}
		keyExchange[36] = 4;
		keyExchange[37] = 3;
		send(records, transcript, TlsClient.handshakeMessage(2, serverHello));
		send(records, transcript, TlsClient.handshakeMessage(11, new byte[3]));
		send(records, transcript, TlsClient.handshakeMessage(12, keyExchange));
		send(records, transcript, TlsClient.handshakeMessage(14, new byte[0]));
		records.flush();

		byte[] clientKeyExchange = expect(records, RecordLayer.HANDSHAKE).fragment();
		transcript.update(clientKeyExchange);
		KeyAgreement agreement = KeyAgreement.getInstance("X25519");
		agreement.init(share.getPrivate());
		agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(
				concat(keyInfoPrefix, Arrays.copyOfRange(clientKeyExchange, 5, clientKeyExchange.length)))), true);
		byte[] master = prf(agreement.generateSecret(), "master secret", concat(clientRandom, serverRandom), 48);
		RecordLayer.Keys keys = RecordLayer.Keys.cut(RecordLayer.Aead.AES_128_GCM,
				prf(master, "key expansion", concat(serverRandom, clientRandom), 40));
		expect(records, RecordLayer.CHANGE_CIPHER_SPEC);
		records.decryptWith(keys.client());
		transcript.update(expect(records, RecordLayer.HANDSHAKE).fragment());
		// The client's first request, sent with its Finished: only then does this server finish.
		requests.add(new String(expect(records, RecordLayer.APPLICATION_DATA).fragment(), StandardCharsets.ISO_8859_1));

		byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY)
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] verifyData = prf(master, "server finished", transcript.digest(), 12);
		switch (ending) {
			case RIGHT_FINISHED, WRONG_FINISHED -> {
				if (ending == Ending.WRONG_FINISHED) {
					verifyData[5] ^= 1;
				}
				records.write(RecordLayer.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
				records.encryptWith(keys.server());
				byte[] finished = TlsClient.handshakeMessage(20, verifyData);
				records.write(RecordLayer.HANDSHAKE, finished, 0, finished.length);
				records.write(RecordLayer.APPLICATION_DATA, answer, 0, answer.length);
			}
			case ALERT -> records.write(RecordLayer.ALERT, new byte[] {2, 40}, 0, 2);
			case HANDSHAKE_BEFORE_CHANGE_CIPHER_SPEC -> {
				byte[] helloRequest = TlsClient.handshakeMessage(0, new byte[0]);
				records.write(RecordLayer.HANDSHAKE, helloRequest, 0, helloRequest.length);
			}
			case DATA_INSTEAD_OF_FINISHED -> {
				records.write(RecordLayer.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
				records.encryptWith(keys.server());
				records.write(RecordLayer.APPLICATION_DATA, answer, 0, answer.length);
			}
			case HANG_UP -> {
				return;
			}
			case SILENCE -> {
				Thread.sleep(3000);
				return;
			}
			case JSSE -> throw new IllegalArgumentException("not a fake handshake");
			case SMALL_ORDER_SHARE -> {
				return;
			}
		}
		records.flush();
		// Later requests on a connection that finished well each get the same answer.
		for (int i = 0; i < 10 && ending == Ending.RIGHT_FINISHED; i++) {
			expect(records, RecordLayer.APPLICATION_DATA);
			records.write(RecordLayer.APPLICATION_DATA, answer, 0, answer.length);
			records.flush();
		}
		socket.getInputStream().read();
	}

	/** JSSE as the server on the accepted connection; each request is answered with the body "jsse". */
	private static void jsse(Socket socket) throws Exception {
		SSLSocket secure = (SSLSocket) JsseServer.context(JsseServer.LAB_KEYSTORE).getSocketFactory()
			.createSocket(socket, "localhost", socket.getPort(), true);
		secure.setUseClientMode(false);
		InputStream in = secure.getInputStream();
		OutputStream out = secure.getOutputStream();
		for (int i = 0; i < 10 && JsseServer.readHead(in); i++) {
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\njsse".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
	}

	private static RecordLayer.Record expect(RecordLayer records, int type) throws IOException {
		RecordLayer.Record record = records.read();
		if (record.type() != type) {
			throw new IOException("expected record type " + type + ", got " + record.type());
		}
		return record;
	}

	private static void send(RecordLayer records, MessageDigest transcript, byte[] message) throws IOException {
		transcript.update(message);
		records.write(RecordLayer.HANDSHAKE, message, 0, message.length);
	}

	/** P_SHA256 (RFC 5246 §5). */
	private static byte[] prf(byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
		byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
		byte[] output = new byte[length];
		byte[] a = labelled;
		for (int filled = 0; filled < length; filled += 32) {
			a = hmac.doFinal(a);
			hmac.update(a);
			byte[] block = hmac.doFinal(labelled);
			System.arraycopy(block, 0, output, filled, Math.min(32, length - filled));
		}
		return output;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
