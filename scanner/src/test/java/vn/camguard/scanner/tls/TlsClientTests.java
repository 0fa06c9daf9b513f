package vn.camguard.scanner.tls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.camguard.lab.tls.Channel;
import vn.camguard.lab.tls.DeviceTls;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.tls.FakeTlsServer.Ending;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.MessageReader;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.Reply;
import vn.camguard.scanner.wire.TlsChannel;
import vn.camguard.scanner.wire.Watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scanner's TLS 1.2 client against a real JSSE server on loopback, and against servers that misbehave. */
class TlsClientTests {

	static final String[] TLS12_AND_13 = {"TLSv1.3", "TLSv1.2"};

	final Connector connector = new Connector(Duration.ofSeconds(2), Duration.ofMillis(1500), RateLimit.unlimited());

	AutoCloseable server;

	@AfterEach
	void close() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	JsseServer jsse(String[] protocols, String[] groups, int bodyLength) throws Exception {
		JsseServer started = new JsseServer(protocols, groups, bodyLength);
		server = started;
		return started;
	}

	static Reply.Message get(TlsChannel channel) throws IOException {
		channel.out().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		channel.out().flush();
		Reply reply = new MessageReader(channel.socket(), channel.in(), new Watchdog())
			.read(MessageReader.Limits.within(3000), false);
		assertThat(reply).isInstanceOf(Reply.Message.class);
		return (Reply.Message) reply;
	}

	@Test
	void fullHandshakeThenHttpOverSeveralRecords() throws Exception {
		JsseServer jsse = jsse(TLS12_AND_13, new String[0], 40_000);
		try (TlsChannel channel = connector.openTls(jsse.address(), jsse.port())) {
			assertThat(channel.socket()).isNotInstanceOf(SSLSocket.class);
			assertThat(channel.protocol()).isEqualTo("TLSv1.2");
			assertThat(channel.leafCertificate()).isEqualTo(JsseServer.certificate(JsseServer.LAB_KEYSTORE).getEncoded());
			for (int i = 0; i < 2; i++) {
				Reply.Message message = get(channel);
				assertThat(message.status()).isEqualTo(200);
				assertThat(message.body()).hasSize(40_000);
				assertThat(message.body()[39_999]).isEqualTo((byte) ('a' + 39_999 % 26));
			}
		}
		assertThat(jsse.seen).extracting(JsseServer.Seen::protocol).containsExactly("TLSv1.2");
	}

	@Test
	void secp256r1WhenTheServerPicksIt() throws Exception {
		JsseServer jsse = jsse(TLS12_AND_13, new String[] {"secp256r1"}, 10);
		try (TlsChannel channel = connector.openTls(jsse.address(), jsse.port())) {
			assertThat(channel.socket()).isNotInstanceOf(SSLSocket.class);
			assertThat(get(channel).status()).isEqualTo(200);
		}
	}

	@Test
	void rsaServerCertificate() throws Exception {
		JsseServer jsse = new JsseServer(JsseServer.RSA_KEYSTORE, TLS12_AND_13, new String[0], 10);
		server = jsse;
		try (TlsChannel channel = connector.openTls(jsse.address(), jsse.port())) {
			assertThat(channel.socket()).isNotInstanceOf(SSLSocket.class);
			assertThat(channel.leafCertificate()).isEqualTo(JsseServer.certificate(JsseServer.RSA_KEYSTORE).getEncoded());
			assertThat(get(channel).status()).isEqualTo(200);
		}
	}

	@Test
	void laterConnectionsToTheSameServerResumeTheSession() throws Exception {
		JsseServer jsse = jsse(TLS12_AND_13, new String[0], 10);
		for (int i = 0; i < 3; i++) {
			try (TlsChannel channel = connector.openTls(jsse.address(), jsse.port())) {
				assertThat(get(channel).status()).isEqualTo(200);
			}
		}
		assertThat(jsse.seen).hasSize(3);
		assertThat(jsse.seen).extracting(JsseServer.Seen::sessionId).containsOnly(jsse.seen.get(0).sessionId());

		try (Socket socket = new Socket(jsse.address(), jsse.port())) {
			TlsClient.Established first = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 3000);
			// One exchange first, as the scanner does: the server caches the session just after its Finished.
			assertThat(get(new TlsChannel(socket, first.in(), first.out(), "TLSv1.2", new byte[0])).status())
				.isEqualTo(200);
			try (Socket again = new Socket(jsse.address(), jsse.port())) {
				TlsClient.Established second = TlsClient.handshake(again, Optional.of(first.session()),
						new SecureRandom(), 3000);
				assertThat(first.resumed()).isFalse();
				assertThat(second.resumed()).isTrue();
				assertThat(second.session().id()).isEqualTo(first.session().id());
			}
		}
	}

	/** A suite this client offers, a keystore whose key fits it, and the suite's number. */
	record Offered(String suite, String keystore, int code) {
	}

	@Test
	void everyOfferedSuiteWorksWithJsseFullAndResumedOverSeveralRecords() throws Exception {
		List<Offered> offered = List.of(
				new Offered("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", JsseServer.LAB_KEYSTORE, 0xcca9),
				new Offered("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", JsseServer.RSA_KEYSTORE, 0xcca8),
				new Offered("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", JsseServer.LAB_KEYSTORE, 0xc02b),
				new Offered("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", JsseServer.RSA_KEYSTORE, 0xc02f));
		for (Offered only : offered) {
			try (JsseServer jsse = new JsseServer(only.keystore(), TLS12_AND_13, new String[0],
					new String[] {only.suite()}, 40_000)) {
				TlsSession session;
				try (Socket socket = new Socket(jsse.address(), jsse.port())) {
					TlsClient.Established full = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 3000);
					assertThat(full.session().cipherSuite()).as(only.suite()).isEqualTo(only.code());
					assertLargeAnswers(new TlsChannel(socket, full.in(), full.out(), "TLSv1.2", new byte[0]));
					session = full.session();
				}
				try (Socket socket = new Socket(jsse.address(), jsse.port())) {
					TlsClient.Established resumed = TlsClient.handshake(socket, Optional.of(session), new SecureRandom(),
							3000);
					assertThat(resumed.resumed()).as(only.suite()).isTrue();
					assertThat(resumed.session().cipherSuite()).as(only.suite()).isEqualTo(only.code());
					assertLargeAnswers(new TlsChannel(socket, resumed.in(), resumed.out(), "TLSv1.2", new byte[0]));
				}
				assertThat(jsse.seen).as(only.suite()).extracting(JsseServer.Seen::cipherSuite)
					.containsExactly(only.suite(), only.suite());
			}
		}
	}

	/** Two requests answered with 40,000 bytes each: three records per answer, a second record sequence. */
	private static void assertLargeAnswers(TlsChannel channel) throws IOException {
		for (int i = 0; i < 2; i++) {
			Reply.Message message = get(channel);
			assertThat(message.status()).isEqualTo(200);
			assertThat(message.body()).hasSize(40_000);
			assertThat(message.body()[39_999]).isEqualTo((byte) ('a' + 39_999 % 26));
		}
	}

	@Test
	void theHelloOffersChaCha20FirstThenAes128Gcm() throws Exception {
		List<byte[]> hellos = new CopyOnWriteArrayList<>();
		rawServer(socket -> quietly(() -> hellos.add(readClientHello(socket))));
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000))
				.isInstanceOf(TlsUnsupportedException.class);
		}
		byte[] hello = hellos.get(0);
		// handshake header (4), version (2), random (32), session id, then the suites
		int at = 4 + 2 + 32 + 1 + hello[38];
		int length = (hello[at] & 0xff) << 8 | hello[at + 1] & 0xff;
		assertThat(HexFormat.of().formatHex(hello, at + 2, at + 2 + length)).isEqualTo("cca9cca8c02bc02f");
	}

	@Test
	void theLabsLeanServerChoosesChaCha20AndResumesWithIt() throws Exception {
		DeviceTls lab = DeviceTls.load();
		AtomicInteger lean = new AtomicInteger();
		rawServer(socket -> quietly(() -> {
			socket.setSoTimeout(5000);
			Channel channel = lab.accept(socket);
			if (!(channel.socket() instanceof SSLSocket)) {
				lean.incrementAndGet();
			}
			byte[] body = new byte[20_000];
			Arrays.fill(body, (byte) 'c');
			for (int i = 0; i < 10 && JsseServer.readHead(channel.in()); i++) {
				channel.out().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				channel.out().write(body);
			}
		}));
		TlsSession session;
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			TlsClient.Established full = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 3000);
			assertThat(full.session().cipherSuite()).isEqualTo(0xcca9);
			assertThat(get(new TlsChannel(socket, full.in(), full.out(), "TLSv1.2", new byte[0])).body()).hasSize(20_000);
			session = full.session();
		}
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			TlsClient.Established resumed = TlsClient.handshake(socket, Optional.of(session), new SecureRandom(), 3000);
			assertThat(resumed.resumed()).isTrue();
			assertThat(resumed.session().cipherSuite()).isEqualTo(0xcca9);
			assertThat(get(new TlsChannel(socket, resumed.in(), resumed.out(), "TLSv1.2", new byte[0])).body())
				.hasSize(20_000);
		}
		assertThat(lean).hasValue(2);
	}

	@Test
	void aTamperedChaCha20RecordIsRefusedAsABadRecordMac() throws Exception {
		byte[] block = new byte[RecordLayer.Aead.CHACHA20_POLY1305.keyBlockLength()];
		new SecureRandom().nextBytes(block);
		RecordLayer.Keys keys = RecordLayer.Keys.cut(RecordLayer.Aead.CHACHA20_POLY1305, block);
		byte[] data = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket near = new Socket(listener.getInetAddress(), listener.getLocalPort());
				Socket far = listener.accept()) {
			near.setSoTimeout(2000);
			far.setSoTimeout(2000);
			RecordLayer sending = new RecordLayer(near);
			sending.encryptWith(keys.client());
			sending.write(RecordLayer.APPLICATION_DATA, data, 0, data.length);
			sending.write(RecordLayer.APPLICATION_DATA, data, 0, data.length);
			sending.flush();
			// RFC 7905: no explicit nonce, so a record is the ciphertext and the 16-byte tag
			byte[] first = far.getInputStream().readNBytes(5 + data.length + 16);
			byte[] second = far.getInputStream().readNBytes(5 + data.length + 16);
			assertThat((first[3] & 0xff) << 8 | first[4] & 0xff).isEqualTo(data.length + 16);
			second[5 + 3] ^= 1;
			far.getOutputStream().write(first);
			far.getOutputStream().write(second);
			RecordLayer receiving = new RecordLayer(near);
			receiving.decryptWith(keys.client());
			assertThat(receiving.read().fragment()).isEqualTo(data);
			assertThatThrownBy(receiving::read).isInstanceOf(SSLProtocolException.class).hasMessage("bad record MAC");
		}
	}

	static final byte[] GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	/** What a handshake's caller heard of the server's Finished. */
	static final class Heard implements TlsClient.ServerFinished {

		final List<TlsSession> verified = new CopyOnWriteArrayList<>();

		final List<TlsUnsupportedException> refused = new CopyOnWriteArrayList<>();

		@Override
		public void verified(TlsSession session) {
			verified.add(session);
		}

		@Override
		public void refused(TlsUnsupportedException reason) {
			refused.add(reason);
		}

	}

	@Test
	void theFirstRequestGoesWithTheClientFinishedAndJsseAnswersIt() throws Exception {
		JsseServer jsse = jsse(TLS12_AND_13, new String[0], 1000);
		// The gate holds JSSE's Finished back until the request has passed: without False Start, no answer.
		try (FalseStartGate gate = new FalseStartGate(jsse.address(), jsse.port())) {
			try (TlsChannel channel = connector.openTls(gate.address(), gate.port())) {
				assertThat(channel.socket()).isNotInstanceOf(SSLSocket.class);
				assertThat(channel.protocol()).isEqualTo("TLSv1.2");
				for (int i = 0; i < 2; i++) {
					Reply.Message message = get(channel);
					assertThat(message.status()).isEqualTo(200);
					assertThat(message.body()).hasSize(1000);
				}
				assertThat(channel.refusedOnFirstRead().getAsBoolean()).isFalse();
			}
			// Verified on the first read, the session is resumed by the next connection.
			try (TlsChannel channel = connector.openTls(gate.address(), gate.port())) {
				assertThat(get(channel).status()).isEqualTo(200);
			}
			assertThat(gate.connections).hasValue(2);
		}
		assertThat(jsse.seen).extracting(JsseServer.Seen::protocol).containsExactly("TLSv1.2", "TLSv1.2");
		assertThat(jsse.seen).extracting(JsseServer.Seen::sessionId).containsOnly(jsse.seen.get(0).sessionId());
	}

	@Test
	void theLabsLeanServerReadsTheRequestThatCameWithTheClientFinished() throws Exception {
		DeviceTls lab = DeviceTls.load();
		AtomicBoolean lean = new AtomicBoolean();
		rawServer(socket -> quietly(() -> {
			socket.setSoTimeout(5000);
			Channel channel = lab.accept(socket);
			lean.set(!(channel.socket() instanceof SSLSocket));
			for (int i = 0; i < 10 && JsseServer.readHead(channel.in()); i++) {
				channel.out().write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nlab".getBytes(StandardCharsets.ISO_8859_1));
			}
		}));
		try (FalseStartGate gate = new FalseStartGate(raw().getInetAddress(), raw().getLocalPort());
				TlsChannel channel = connector.openTls(gate.address(), gate.port())) {
			assertThat(channel.socket()).isNotInstanceOf(SSLSocket.class);
			for (int i = 0; i < 2; i++) {
				assertThat(get(channel).bodyText()).isEqualTo("lab");
			}
			assertThat(gate.connections).hasValue(1);
		}
		assertThat(lean).isTrue();
	}

	@Test
	void theServerFinishedIsCheckedOnTheFirstRead() throws Exception {
		// The fake server finishes only once the request has come, so an answer proves the False Start.
		try (FakeTlsServer fake = new FakeTlsServer(n -> Ending.RIGHT_FINISHED);
				Socket socket = new Socket(fake.address(), fake.port())) {
			Heard heard = new Heard();
			TlsClient.Established tls = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000, heard);
			assertThat(tls.resumed()).isFalse();
			assertThat(heard.verified).isEmpty();
			TlsChannel channel = new TlsChannel(socket, tls.in(), tls.out(), "TLSv1.2", new byte[0]);
			for (int i = 0; i < 2; i++) {
				assertThat(get(channel).bodyText()).isEqualTo(FakeTlsServer.BODY);
			}
			assertThat(heard.verified).containsExactly(tls.session());
			assertThat(heard.refused).isEmpty();
			assertThat(fake.requests).singleElement().asString().startsWith("GET / HTTP/1.1");
		}
	}

	@Test
	void aServerThatDoesNotFinishTheHandshakeFailsTheFirstReadAndNoDataIsReturned() throws Exception {
		for (Ending ending : List.of(Ending.WRONG_FINISHED, Ending.ALERT, Ending.HANDSHAKE_BEFORE_CHANGE_CIPHER_SPEC,
				Ending.DATA_INSTEAD_OF_FINISHED, Ending.HANG_UP)) {
			try (FakeTlsServer fake = new FakeTlsServer(n -> ending);
					Socket socket = new Socket(fake.address(), fake.port())) {
				socket.setSoTimeout(2000);
				Heard heard = new Heard();
				TlsClient.Established tls = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000,
						heard);
				tls.out().write(GET);
				tls.out().flush();
				byte[] into = new byte[256];
				assertThatThrownBy(() -> tls.in().read(into)).as(ending.name())
					.isInstanceOf(TlsUnsupportedException.class);
				// Every later read fails too: the answer the server sent after a bad Finished is never read.
				assertThatThrownBy(() -> tls.in().read(into)).as(ending.name())
					.isInstanceOf(TlsUnsupportedException.class);
				assertThat(into).as(ending.name()).isEqualTo(new byte[256]);
				assertThat(heard.verified).as(ending.name()).isEmpty();
				assertThat(heard.refused).as(ending.name()).hasSize(1);
				assertThat(fake.requests).as(ending.name()).singleElement().asString().startsWith("GET / HTTP/1.1");
			}
		}
	}

	@Test
	void aServerShareOfSmallOrderFailsTheHandshake() throws Exception {
		try (FakeTlsServer fake = new FakeTlsServer(n -> Ending.SMALL_ORDER_SHARE);
				Socket socket = new Socket(fake.address(), fake.port())) {
			assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000))
				.isInstanceOf(SSLHandshakeException.class)
				.hasRootCauseInstanceOf(InvalidKeyException.class);
		}
	}

	@Test
	void aServerThatNeverFinishesTimesOutOnTheFirstReadAsAnyRead() throws Exception {
		try (FakeTlsServer fake = new FakeTlsServer(n -> Ending.SILENCE);
				Socket socket = new Socket(fake.address(), fake.port())) {
			socket.setSoTimeout(500);
			Heard heard = new Heard();
			TlsClient.Established tls = TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000, heard);
			tls.out().write(GET);
			tls.out().flush();
			long start = System.nanoTime();
			assertThatThrownBy(() -> tls.in().read()).isInstanceOf(SocketTimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
					Duration.ofMillis(2000));
			assertThatThrownBy(() -> tls.in().read()).isInstanceOf(SocketTimeoutException.class);
			assertThat(heard.verified).isEmpty();
			assertThat(heard.refused).isEmpty();
		}
	}

	@Test
	void aSessionIsOfferedForResumptionOnlyOnceItsServerFinishedVerified() throws Exception {
		FakeTlsServer fake = new FakeTlsServer(n -> Ending.RIGHT_FINISHED);
		server = fake;
		try (TlsChannel unread = connector.openTls(fake.address(), fake.port())) {
			assertThat(unread.protocol()).isEqualTo("TLSv1.2");
		}
		try (TlsChannel read = connector.openTls(fake.address(), fake.port())) {
			assertThat(get(read).bodyText()).isEqualTo(FakeTlsServer.BODY);
		}
		try (TlsChannel again = connector.openTls(fake.address(), fake.port())) {
			assertThat(get(again).bodyText()).isEqualTo(FakeTlsServer.BODY);
		}
		assertThat(fake.offered).containsExactly("", "", fake.issued.get(1));
	}

	@Test
	void aRequestWhoseHandshakeIsRefusedOnTheFirstReadIsSentAgainThroughJsse() throws Exception {
		FakeTlsServer fake = new FakeTlsServer(n -> n == 1 ? Ending.WRONG_FINISHED : Ending.JSSE);
		server = fake;
		HttpProbe.Endpoint endpoint = new HttpProbe.Endpoint(fake.address(), fake.port(), true);
		try (HttpProbe http = new HttpProbe(connector)) {
			HttpProbe.Exchange exchange = http.exchange(endpoint, HttpRequest.get("/"));
			assertThat(exchange.reply()).isInstanceOfSatisfying(Reply.Message.class,
					message -> assertThat(message.bodyText()).isEqualTo("jsse"));
			assertThat(exchange.tlsProtocol()).contains("TLSv1.2");
			assertThat(fake.requests).hasSize(1);
			assertThat(fake.connections).hasValue(2);
			// The JSSE connection is kept for the next request.
			assertThat(http.send(endpoint, HttpRequest.get("/again")).status()).isEqualTo(200);
			assertThat(fake.connections).hasValue(2);
		}
		// The connector remembers the refusal: JSSE from the start, and no session of the refused handshake.
		try (TlsChannel channel = connector.openTls(fake.address(), fake.port())) {
			assertThat(channel.socket()).isInstanceOf(SSLSocket.class);
			assertThat(get(channel).bodyText()).isEqualTo("jsse");
		}
		assertThat(fake.connections).hasValue(3);
		assertThat(fake.offered).containsExactly("");
	}

	@Test
	void aServerThatOnlySpeaksTls13IsReachedThroughJsse() throws Exception {
		JsseServer jsse = jsse(new String[] {"TLSv1.3"}, new String[0], 10);
		try (Socket socket = new Socket(jsse.address(), jsse.port())) {
			assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 3000))
				.isInstanceOfSatisfying(TlsUnsupportedException.class, ex -> {
					assertThat(ex.tls12Refused()).isTrue();
					assertThat(ex).hasMessageContaining("70");
				});
		}
		for (int i = 0; i < 2; i++) {
			try (TlsChannel channel = connector.openTls(jsse.address(), jsse.port())) {
				assertThat(channel.socket()).isInstanceOf(SSLSocket.class);
				assertThat(channel.protocol()).isEqualTo("TLSv1.3");
				assertThat(channel.leafCertificate()).isEqualTo(JsseServer.certificate(JsseServer.LAB_KEYSTORE).getEncoded());
				assertThat(get(channel).status()).isEqualTo(200);
			}
		}
	}

	@Test
	void legacyVersionProbeIsWellFormedAndRefusedByAModernServer() throws Exception {
		JsseServer jsse = jsse(new String[] {"TLSv1.3", "TLSv1.2"}, new String[0], 10);
		byte[] random = new byte[32];
		try (Socket socket = new Socket(jsse.address(), jsse.port())) {
			assertThat(LegacyVersionProbe.chosenVersion(socket, LegacyVersionProbe.TLS11, random, 3000)).isEmpty();
		}
		// The same hello offering TLS 1.2 gets a ServerHello: JSSE parsed it and found one of its suites.
		try (Socket socket = new Socket(jsse.address(), jsse.port())) {
			assertThat(LegacyVersionProbe.chosenVersion(socket, 0x0303, random, 3000)).contains(0x0303);
		}
	}

	@Test
	void legacyVersionProbeReadsTheVersionALegacyServerPicks() throws Exception {
		rawServer(socket -> quietly(() -> {
			readClientHello(socket);
			// A ServerHello record at TLS 1.0, as an old camera sends it (only its first bytes matter).
			socket.getOutputStream().write(new byte[] {22, 3, 1, 0, 42, 2, 0, 0, 38, 3, 1});
			socket.getOutputStream().write(new byte[36]);
			Thread.sleep(200);
		}));
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			Optional<Integer> chosen = LegacyVersionProbe.chosenVersion(socket, LegacyVersionProbe.TLS11, new byte[32],
					2000);
			assertThat(chosen).contains(LegacyVersionProbe.TLS10);
			assertThat(LegacyVersionProbe.name(chosen.get())).isEqualTo("TLSv1");
		}
	}

	@Test
	void legacyVersionProbeTreatsGarbageAsRefusedAndSilenceAsATimeout() throws Exception {
		rawServer(socket -> quietly(() -> {
			readClientHello(socket);
			socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}));
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			assertThat(LegacyVersionProbe.chosenVersion(socket, LegacyVersionProbe.TLS11, new byte[32], 2000)).isEmpty();
		}
		raw().close();
		rawServer(socket -> quietly(() -> Thread.sleep(3000)));
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			assertThatThrownBy(() -> LegacyVersionProbe.chosenVersion(socket, LegacyVersionProbe.TLS11, new byte[32], 500))
				.isInstanceOf(SocketTimeoutException.class);
		}
	}

	/** A plain TCP server on loopback running {@code behaviour} per connection; counts connections. */
	AtomicInteger rawServer(Consumer<Socket> behaviour) throws IOException {
		ServerSocket raw = new ServerSocket();
		raw.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		server = raw;
		AtomicInteger connections = new AtomicInteger();
		Thread.ofVirtual().start(() -> {
			while (!raw.isClosed()) {
				try {
					Socket socket = raw.accept();
					connections.incrementAndGet();
					Thread.ofVirtual().start(() -> {
						try (socket) {
							behaviour.accept(socket);
						}
						catch (IOException ignored) {
							// The peer's end of the story is all the test looks at.
						}
					});
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		return connections;
	}

	ServerSocket raw() {
		return (ServerSocket) server;
	}

	static void quietly(IoAction action) {
		try {
			action.run();
		}
		catch (IOException | InterruptedException ignored) {
			// The client hung up first.
		}
	}

	interface IoAction {

		void run() throws IOException, InterruptedException;

	}

	static byte[] readClientHello(Socket socket) throws IOException {
		byte[] header = socket.getInputStream().readNBytes(5);
		return socket.getInputStream().readNBytes(((header[3] & 0xff) << 8) | header[4] & 0xff);
	}

	@Test
	void garbageIsAnErrorWithoutFallback() throws Exception {
		AtomicInteger connections = rawServer(socket -> quietly(() -> {
			byte[] noise = new byte[4096];
			new Random(7).nextBytes(noise);
			noise[0] = 'H';
			socket.getOutputStream().write(noise);
			Thread.sleep(500);
		}));
		assertThatThrownBy(() -> connector.openTls(raw().getInetAddress(), raw().getLocalPort()))
			.isInstanceOf(SSLException.class);
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void aServerClosingMidHandshakeFailsAfterTheJsseFallback() throws Exception {
		AtomicInteger connections = rawServer(socket -> quietly(() -> readClientHello(socket)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> connector.openTls(raw().getInetAddress(), raw().getLocalPort()))
			.isInstanceOf(IOException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		// Own client, then JSSE with TLS 1.2 and TLS 1.3, as before this client existed.
		assertThat(connections.get()).isEqualTo(3);
	}

	@Test
	void aSilentServerTimesOutOnce() throws Exception {
		AtomicInteger connections = rawServer(socket -> quietly(() -> Thread.sleep(4000)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> connector.openTls(raw().getInetAddress(), raw().getLocalPort()))
			.isInstanceOf(SocketTimeoutException.class);
		// One read timeout (1.5 s), not one per fallback attempt.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
				Duration.ofMillis(3500));
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void aDripFeedingServerIsCutAtTheHandshakeDeadline() throws Exception {
		rawServer(socket -> quietly(() -> {
			readClientHello(socket);
			OutputStream out = socket.getOutputStream();
			out.write(new byte[] {22, 3, 3, 0x40, 0});
			for (int i = 0; i < 40; i++) {
				out.write(0);
				out.flush();
				Thread.sleep(100);
			}
		}));
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			socket.setSoTimeout(1000);
			long start = System.nanoTime();
			assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 1000))
				.isInstanceOf(SocketTimeoutException.class);
			// The drip would last 4 s; the handshake deadline ends it after 1 s.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(socket.getSoTimeout()).isEqualTo(1000);
		}
	}

	@Test
	void anOversizedRecordIsRefused() throws Exception {
		rawServer(socket -> quietly(() -> {
			readClientHello(socket);
			socket.getOutputStream().write(new byte[] {22, 3, 3, (byte) 0xff, (byte) 0xff});
			socket.getOutputStream().write(new byte[20_000]);
			Thread.sleep(500);
		}));
		assertHandshakeRefusedOverTheLimit();
	}

	@Test
	void anOversizedHandshakeMessageIsRefused() throws Exception {
		rawServer(socket -> quietly(() -> {
			readClientHello(socket);
			OutputStream out = socket.getOutputStream();
			// A ServerHello claiming 16 MiB, then records that would fill it.
			byte[] fragment = new byte[16 * 1024];
			fragment[0] = 2;
			fragment[1] = (byte) 0xff;
			for (int i = 0; i < 8; i++) {
				out.write(new byte[] {22, 3, 3, 0x40, 0});
				out.write(fragment);
				fragment[0] = 0;
				fragment[1] = 0;
			}
			Thread.sleep(500);
		}));
		assertHandshakeRefusedOverTheLimit();
	}

	private void assertHandshakeRefusedOverTheLimit() throws Exception {
		try (Socket socket = new Socket(raw().getInetAddress(), raw().getLocalPort())) {
			assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000))
				.isInstanceOf(SSLProtocolException.class)
				.hasMessageContaining("over the limit");
		}
	}

	@Test
	void mutatedServerFlightsNeverCrashOrHang() throws Exception {
		byte[] flight = serverFlight();
		Random random = new Random(42);
		for (int round = 0; round < 100; round++) {
			byte[] mutated = flight.clone();
			int cut = round % 3 == 0 ? random.nextInt(mutated.length) : mutated.length;
			for (int i = 0; i < 1 + random.nextInt(4); i++) {
				mutated[random.nextInt(cut == 0 ? 1 : cut)] ^= (byte) (1 + random.nextInt(255));
			}
			byte[] sent = Arrays.copyOf(mutated, cut);
			boolean staysSilent = round % 5 == 0;
			try (ServerSocket replay = new ServerSocket()) {
				replay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
				Thread.ofVirtual().start(() -> {
					try (Socket peer = replay.accept()) {
						readClientHello(peer);
						peer.getOutputStream().write(sent);
						// Hang up after the flight, or, some rounds, stay silent until the client's deadline.
						if (staysSilent) {
							Thread.sleep(400);
						}
						else {
							peer.shutdownOutput();
							peer.getInputStream().read(new byte[4096]);
						}
					}
					catch (IOException | InterruptedException ignored) {
						// The client gave up, as it should.
					}
				});
				try (Socket socket = new Socket(replay.getInetAddress(), replay.getLocalPort())) {
					socket.setSoTimeout(300);
					long start = System.nanoTime();
					// A flight that still parses gets a False Start: the first read fails then, as the server never
					// finishes the handshake.
					assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 300).in().read())
						.isInstanceOf(IOException.class)
						.satisfies(ex -> assertThat(ex.getCause() instanceof RuntimeException).as("crash: %s", ex)
							.isFalse());
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
				}
			}
		}
	}

	/** What a real JSSE server sends after a ClientHello, up to ServerHelloDone, captured once. */
	byte[] serverFlight() throws Exception {
		JsseServer jsse = jsse(TLS12_AND_13, new String[0], 10);
		try (Socket socket = new Socket(jsse.address(), jsse.port())) {
			socket.setSoTimeout(3000);
			socket.getOutputStream().write(clientHelloRecord());
			byte[] answer = new byte[8192];
			int got = 0;
			long deadline = System.nanoTime() + 3_000_000_000L;
			while (!endsWithServerHelloDone(answer, got) && System.nanoTime() < deadline) {
				int n = socket.getInputStream().read(answer, got, answer.length - got);
				if (n < 0) {
					break;
				}
				got += n;
			}
			assertThat(endsWithServerHelloDone(answer, got)).isTrue();
			return Arrays.copyOf(answer, got);
		}
	}

	static boolean endsWithServerHelloDone(byte[] data, int length) {
		return length >= 4 && data[length - 4] == 14 && data[length - 3] == 0 && data[length - 2] == 0
				&& data[length - 1] == 0;
	}

	/** The ClientHello record this client sends, as a raw server receives it. */
	byte[] clientHelloRecord() throws Exception {
		try (ServerSocket capture = new ServerSocket()) {
			capture.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			java.util.concurrent.CompletableFuture<byte[]> hello = new java.util.concurrent.CompletableFuture<>();
			Thread.ofVirtual().start(() -> {
				try (Socket peer = capture.accept()) {
					byte[] header = peer.getInputStream().readNBytes(5);
					byte[] body = peer.getInputStream().readNBytes(((header[3] & 0xff) << 8) | header[4] & 0xff);
					byte[] record = Arrays.copyOf(header, 5 + body.length);
					System.arraycopy(body, 0, record, 5, body.length);
					hello.complete(record);
				}
				catch (IOException ex) {
					hello.completeExceptionally(ex);
				}
			});
			try (Socket socket = new Socket(capture.getInetAddress(), capture.getLocalPort())) {
				assertThatThrownBy(() -> TlsClient.handshake(socket, Optional.empty(), new SecureRandom(), 2000))
					.isInstanceOf(IOException.class);
			}
			return hello.get(3, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

}
