package vn.camguard.lab.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lean TLS 1.2 server against hand-made and hostile clients, next to JSSE configured as the devices'
 * server (the reference it must match); listeners on 127.200.2.1.
 */
class DeviceTlsTests {

	static final String ADDRESS = "127.200.2.1";

	static DeviceTls tls;

	static ServerSocket lean;

	static ServerSocket reference;

	static final AtomicInteger served = new AtomicInteger();

	/** Connections of the lean listener the lean server answered (not handed to JSSE). */
	static final AtomicInteger servedLeanly = new AtomicInteger();

	@BeforeAll
	static void start() throws IOException {
		tls = DeviceTls.load();
		lean = listen(false);
		reference = listen(true);
	}

	@AfterAll
	static void stop() throws IOException {
		lean.close();
		reference.close();
	}

	/** Echoes one line as "echo:<line>", then closes; {@code jsseOnly} skips the lean server. */
	private static ServerSocket listen(boolean jsseOnly) throws IOException {
		ServerSocket server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
		Thread.ofVirtual().start(() -> {
			while (!server.isClosed()) {
				try {
					Socket socket = server.accept();
					Thread.ofVirtual().start(() -> echo(socket, jsseOnly));
				}
				catch (IOException e) {
					return;
				}
			}
		});
		return server;
	}

	private static void echo(Socket socket, boolean jsseOnly) {
		try (socket) {
			socket.setSoTimeout(500);
			Channel channel = jsseOnly ? tls.viaJsse(socket, new byte[0]) : tls.accept(socket);
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = channel.in().read()) >= 0 && b != '\n' && line.size() < 1024) {
				line.write(b);
			}
			channel.out().write(("echo:" + line.toString(StandardCharsets.US_ASCII) + "\n").getBytes(StandardCharsets.US_ASCII));
			channel.out().close();
			served.incrementAndGet();
			if (!jsseOnly && !(channel.socket() instanceof SSLSocket)) {
				servedLeanly.incrementAndGet();
			}
		}
		catch (IOException | RuntimeException ignored) {
			// the connection ends; the listener goes on
		}
	}

	static InetSocketAddress leanAddress() {
		return new InetSocketAddress(ADDRESS, lean.getLocalPort());
	}

	@Test
	void tls11And10HellosGetTheBytesJsseSends() throws Exception {
		for (int variant = 0; variant < 4; variant++) {
			int version = variant % 2 == 0 ? 0x0302 : 0x0301;
			byte[][] ticket = variant < 2 ? new byte[0][] : new byte[][] { RawClient.extension(0x0023, new byte[0]) };
			byte[] hello = RawClient.record(Records.HANDSHAKE, RawClient.hello(version, new int[] { 0xc02b, 0xc009, 0xc013 },
					new int[] { 0x001d, 0x0017 }, new int[] { 0x0403 }, true, new byte[0], ticket));
			byte[] fromJsse = answer(new InetSocketAddress(ADDRESS, reference.getLocalPort()), hello);
			byte[] fromLean = answer(leanAddress(), hello);
			assertThat(HexFormat.of().formatHex(fromLean)).isEqualTo(HexFormat.of().formatHex(fromJsse))
					.isEqualTo(HexFormat.of().formatHex(DeviceTls.PROTOCOL_VERSION_ALERT));
		}
	}

	@Test
	void jsseTls12ClientsTakeTheLeanPathAndOthersStayWithJsse() throws Exception {
		assertThat(sniff(new String[] { "TLSv1.2" }, new String[] { "x25519", "secp256r1" }, null).leanGroup())
				.isEqualTo(ClientHello.X25519);
		assertThat(sniff(new String[] { "TLSv1.2" }, new String[] { "secp256r1" }, null).leanGroup())
				.isEqualTo(ClientHello.SECP256R1);
		assertThat(sniff(new String[] { "TLSv1.3", "TLSv1.2" }, null, null).leanGroup()).isNull();
		assertThat(sniff(new String[] { "TLSv1.2" }, new String[] { "secp384r1", "x25519" }, null).leanGroup()).isNull();
		assertThat(sniff(new String[] { "TLSv1.2" }, null, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").leanGroup()).isNull();
		// a hello asking for RFC 5077 tickets is JSSE's to answer, with a ticket
		byte[] ticketHello = RawClient.hello(0x0303, new int[] { 0xc02b }, new int[] { 0x001d }, new int[] { 0x0403 },
				true, new byte[0], RawClient.extension(0x0023, new byte[0]));
		assertThat(ClientHello.parse(ticketHello).leanGroup()).isNull();
		assertThat(ClientHello.parse(RawClient.leanHello(false, new byte[0])).leanGroup()).isEqualTo(ClientHello.X25519);
	}

	@Test
	void theLeanServerChoosesChaCha20WhenOfferedAsJsseDoesAndAes128GcmOtherwise() throws Exception {
		ClientHello byDefault = sniff(new String[] { "TLSv1.2" }, null, null);
		assertThat(byDefault.leanGroup()).isEqualTo(ClientHello.X25519);
		assertThat(byDefault.leanSuite()).isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
		ClientHello chachaOnly = sniff(new String[] { "TLSv1.2" }, null, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
		assertThat(chachaOnly.leanGroup()).isEqualTo(ClientHello.X25519);
		assertThat(chachaOnly.leanSuite()).isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
		// the scanner's hello: ChaCha20 first, whichever order a client lists them in
		assertThat(ClientHello.parse(RawClient.leanHello(new int[] { 0xc02b, 0xcca9 }, true, new byte[0])).leanSuite())
				.isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
		assertThat(ClientHello.parse(RawClient.leanHello(true, new byte[0])).leanSuite())
				.isEqualTo(CipherSuite.ECDHE_ECDSA_AES128_GCM_SHA256);
		// ECDHE_RSA suites need a certificate the devices do not have
		assertThat(ClientHello.parse(RawClient.leanHello(new int[] { 0xcca8, 0xc02f }, true, new byte[0])).leanGroup())
				.isNull();
	}

	@Test
	void aJsseClientOfferingOnlyChaCha20IsAnsweredLeanlyAndResumes() throws Exception {
		SSLContext client = trusting();
		int leanBefore = servedLeanly.get();
		SSLSession first = jsseExchange(client, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "chacha");
		assertThat(first.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
		SSLSession second = jsseExchange(client, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "again");
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
		// and a client of AES-128-GCM only, as the scanner was, still gets it
		assertThat(jsseExchange(trusting(), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "aes").getCipherSuite())
				.isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
		assertThat(servedLeanly.get() - leanBefore).isEqualTo(3);
	}

	@Test
	void aSessionResumesWithItsOwnSuiteAndOnlyWhenTheClientStillOffersIt() throws Exception {
		int[] both = { 0xc02b, 0xcca9 };
		RawClient.Session chacha = fullHandshake(both);
		assertThat(chacha.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
		RawClient.Session aes = fullHandshake(new int[] { 0xc02b });
		assertThat(aes.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_AES128_GCM_SHA256);
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session again = client.handshake(RawClient.leanHello(both, true, aes.id()), true, aes.master(),
					UnaryOperator.identity());
			assertThat(again.resumed()).isTrue();
			assertThat(again.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_AES128_GCM_SHA256);
			assertThat(client.exchange("resumed aes\n")).isEqualTo("echo:resumed aes\n");
		}
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session again = client.handshake(RawClient.leanHello(both, true, chacha.id()), true,
					chacha.master(), UnaryOperator.identity());
			assertThat(again.resumed()).isTrue();
			assertThat(again.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
			assertThat(client.exchange("resumed chacha\n")).isEqualTo("echo:resumed chacha\n");
		}
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session other = client.handshake(RawClient.leanHello(new int[] { 0xc02b }, true, chacha.id()),
					true, chacha.master(), UnaryOperator.identity());
			assertThat(other.resumed()).isFalse();
			assertThat(other.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_AES128_GCM_SHA256);
			assertThat(client.exchange("full\n")).isEqualTo("echo:full\n");
		}
	}

	@Test
	void aTamperedChaCha20RecordGetsAFatalBadRecordMac() throws Exception {
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session session = client.handshake(RawClient.leanHello(new int[] { 0xcca9 }, true, new byte[0]),
					true, null, UnaryOperator.identity());
			assertThat(session.suite()).isEqualTo(CipherSuite.ECDHE_ECDSA_CHACHA20_POLY1305_SHA256);
			ByteArrayOutputStream flight = new ByteArrayOutputStream();
			byte[] line = "tampered\n".getBytes(StandardCharsets.US_ASCII);
			client.records.seal(flight, Records.APPLICATION_DATA, line, 0, line.length);
			byte[] record = flight.toByteArray();
			record[Records.HEADER_BYTES + 2] ^= 1;
			client.send(record);
			Records.Received alert = client.records.read();
			assertThat(alert.type()).isEqualTo(Records.ALERT);
			assertThat(HexFormat.of().formatHex(alert.fragment())).as("fatal bad_record_mac").isEqualTo("0214");
			assertThat(RawClient.drain(client.socket.getInputStream())).isEmpty();
		}
	}

	@Test
	void aRawClientCompletesWithAndWithoutExtendedMasterSecretAndResumesOnlyTheSameKind() throws Exception {
		RawClient.Session withEms = fullHandshake(true);
		RawClient.Session withoutEms = fullHandshake(false);
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session again = client.handshake(RawClient.leanHello(true, withEms.id()), true, withEms.master(),
					UnaryOperator.identity());
			assertThat(again.resumed()).isTrue();
			assertThat(again.id()).isEqualTo(withEms.id());
			assertThat(client.exchange("resumed\n")).isEqualTo("echo:resumed\n");
		}
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session again = client.handshake(RawClient.leanHello(false, withoutEms.id()), false,
					withoutEms.master(), UnaryOperator.identity());
			assertThat(again.resumed()).isTrue();
		}
		try (RawClient client = new RawClient(leanAddress())) {
			// RFC 7627 §5.3: an EMS session is not resumed by a hello without EMS: a full handshake instead
			RawClient.Session other = client.handshake(RawClient.leanHello(false, withEms.id()), false, withEms.master(),
					UnaryOperator.identity());
			assertThat(other.resumed()).isFalse();
			assertThat(other.id()).isNotEqualTo(withEms.id());
			assertThat(client.exchange("full\n")).isEqualTo("echo:full\n");
		}
	}

	@Test
	void aWrongFinishedGetsAFatalDecryptErrorAndTheConnectionEnds() throws Exception {
		try (RawClient client = new RawClient(leanAddress())) {
			byte[] hello = RawClient.leanHello(true, new byte[0]);
			assertThat(HexFormat.of().formatHex(client.wrongFinished(hello))).as("fatal decrypt_error").isEqualTo("0233");
			assertThat(RawClient.drain(client.socket.getInputStream())).isEmpty();
		}
		assertThat(fullHandshake(true).resumed()).isFalse();
	}

	@Test
	void anX25519ClientShareOfSmallOrderGetsAFatalHandshakeFailure() throws Exception {
		try (RawClient client = new RawClient(leanAddress())) {
			byte[] hello = RawClient.leanHello(true, new byte[0]);
			// The ClientKeyExchange leads the flight, in clear: record header (5), message header (4), point
			// length (1), then the 32 bytes of u, here u = 0, a point of small order (RFC 7748 §6.1).
			UnaryOperator<byte[]> smallOrder = flight -> {
				byte[] tampered = flight.clone();
				Arrays.fill(tampered, 10, 42, (byte) 0);
				return tampered;
			};
			try {
				client.handshake(hello, true, null, smallOrder);
				throw new AssertionError("the server agreed on a secret with a point of small order");
			}
			catch (RawClient.Alerted alerted) {
				assertThat(HexFormat.of().formatHex(alerted.alert)).as("fatal handshake_failure").isEqualTo("0228");
			}
		}
		assertThat(fullHandshake(true).resumed()).isFalse();
	}

	@Test
	void garbageHangUpsDripsAndOversizedHellosEndOnlyTheirConnection() throws Exception {
		byte[] garbage = new byte[4096];
		new SplittableRandom(7).nextBytes(garbage);
		answer(leanAddress(), garbage);
		garbage[0] = 0x16;
		garbage[1] = 3;
		garbage[2] = 3;
		answer(leanAddress(), garbage);
		byte[] hello = RawClient.record(Records.HANDSHAKE, RawClient.leanHello(true, new byte[0]));
		answer(leanAddress(), Arrays.copyOf(hello, 30));
		// a hello announcing more than the lean server buffers is JSSE's, which refuses it
		byte[] oversized = new byte[20_000];
		oversized[0] = 1;
		oversized[1] = 0;
		oversized[2] = (byte) 0x4e;
		oversized[3] = 0x20;
		byte[] records = KeySchedule.concat(RawClient.record(Records.HANDSHAKE, Arrays.copyOf(oversized, 16_384)),
				RawClient.record(Records.HANDSHAKE, Arrays.copyOfRange(oversized, 16_384, oversized.length)));
		answer(leanAddress(), records);
		try (Socket socket = new Socket()) {
			socket.connect(leanAddress(), 2_000);
			socket.setSoTimeout(3_000);
			for (byte b : hello) {
				socket.getOutputStream().write(b);
				socket.getOutputStream().flush();
				Thread.sleep(1);
			}
			byte[] first = socket.getInputStream().readNBytes(6);
			assertThat(first[0]).isEqualTo((byte) Records.HANDSHAKE);
			assertThat(first[5]).as("ServerHello").isEqualTo((byte) 2);
		}
		assertThat(fullHandshake(true).resumed()).isFalse();
	}

	@Test
	void aHundredCorruptedSecondFlightsNeverWedgeTheServer() throws Exception {
		SplittableRandom random = new SplittableRandom(2026);
		int failed = 0;
		for (int i = 0; i < 100; i++) {
			int seed = random.nextInt();
			UnaryOperator<byte[]> corrupt = flight -> {
				byte[] copy = flight.clone();
				SplittableRandom at = new SplittableRandom(seed);
				copy[at.nextInt(copy.length)] ^= (byte) (1 + at.nextInt(255));
				return copy;
			};
			try (RawClient client = new RawClient(leanAddress())) {
				client.handshake(RawClient.leanHello(i % 2 == 0, new byte[0]), i % 2 == 0, null, corrupt);
				// a harmless change (e.g. a record's minor version) may still complete
				assertThat(client.exchange("ok\n")).isEqualTo("echo:ok\n");
			}
			catch (IOException e) {
				failed++;
			}
		}
		System.out.printf("corrupted second flights: %d of 100 refused%n", failed);
		assertThat(failed).isGreaterThan(80);
		assertThat(fullHandshake(false).resumed()).isFalse();
	}

	private static RawClient.Session fullHandshake(int[] suites) throws Exception {
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session session = client.handshake(RawClient.leanHello(suites, true, new byte[0]), true, null,
					UnaryOperator.identity());
			assertThat(session.resumed()).isFalse();
			assertThat(client.exchange("hello\n")).isEqualTo("echo:hello\n");
			return session;
		}
	}

	/** One line echoed over TLS 1.2 by the lean listener, from a JSSE client offering only {@code suite}. */
	private static SSLSession jsseExchange(SSLContext client, String suite, String text) throws Exception {
		try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
			socket.connect(leanAddress(), 2_000);
			socket.setSoTimeout(3_000);
			socket.setEnabledProtocols(new String[] { "TLSv1.2" });
			socket.setEnabledCipherSuites(new String[] { suite });
			socket.getOutputStream().write((text + "\n").getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			assertThat(new String(RawClient.drain(socket.getInputStream()), StandardCharsets.US_ASCII))
					.isEqualTo("echo:" + text + "\n");
			return socket.getSession();
		}
	}

	private static RawClient.Session fullHandshake(boolean ems) throws Exception {
		try (RawClient client = new RawClient(leanAddress())) {
			RawClient.Session session = client.handshake(RawClient.leanHello(ems, new byte[0]), ems, null,
					UnaryOperator.identity());
			assertThat(session.resumed()).isFalse();
			assertThat(client.exchange("hello\n")).isEqualTo("echo:hello\n");
			return session;
		}
	}

	/** Sends {@code bytes} and returns everything until the server closes. */
	private static byte[] answer(InetSocketAddress server, byte[] bytes) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(server, 2_000);
			socket.setSoTimeout(3_000);
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			return RawClient.drain(socket.getInputStream());
		}
	}

	/** The ClientHello a JSSE client sends with these settings, as the lean server parses it. */
	private static ClientHello sniff(String[] protocols, String[] groups, String onlySuite) throws Exception {
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
			Thread client = Thread.ofVirtual().start(() -> {
				try (SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket()) {
					socket.connect(server.getLocalSocketAddress(), 2_000);
					socket.setSoTimeout(1_000);
					SSLParameters parameters = socket.getSSLParameters();
					parameters.setProtocols(protocols);
					if (groups != null) {
						parameters.setNamedGroups(groups);
					}
					if (onlySuite != null) {
						parameters.setCipherSuites(new String[] { onlySuite });
					}
					socket.setSSLParameters(parameters);
					socket.startHandshake();
				}
				catch (Exception expected) {
					// nobody answers
				}
			});
			try (Socket accepted = server.accept()) {
				accepted.setSoTimeout(3_000);
				InputStream in = accepted.getInputStream();
				ClientHello hello = ClientHello.read(in, System.nanoTime() + 3_000_000_000L).hello();
				client.join(3_000);
				return hello;
			}
		}
	}

	private static SSLContext trusting() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new X509TrustManager() {

			@Override
			public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
			}

			@Override
			public java.security.cert.X509Certificate[] getAcceptedIssuers() {
				return new java.security.cert.X509Certificate[0];
			}

		} }, null);
		return context;
	}

}
