package vn.camguard.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Plain JDK socket clients the lab tests talk to the simulated devices with; for devices whose TLS the JDK refuses
 * by default, BouncyCastle's TLS client configured on the connection.
 */
final class WireClient {

	private WireClient() {
	}

	/** Sends {@code request} and reads until the device closes or 3 s of silence. */
	static String exchange(String address, int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2_000);
			socket.setSoTimeout(3_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return readAll(socket.getInputStream(), 2 * 1024 * 1024);
		}
	}

	/** A TLS client context that trusts the lab's self-signed certificate; test code only. */
	static SSLContext trustingTls() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new TrustingManager() }, null);
		return context;
	}

	/** Over JSSE with its defaults, or over {@link #legacyTls} when the device refuses JSSE's handshake. */
	static String exchangeTls(String address, int port, String request) throws Exception {
		try {
			return jsseExchange(address, port, request);
		}
		catch (SSLHandshakeException refused) {
			return legacyTls(address, port, request).answer();
		}
	}

	/** What a device's TLS negotiated with a client offering TLS 1.2 down to 1.0 and RSA key exchange too. */
	record LegacyAnswer(ProtocolVersion version, int cipherSuite, String answer) {
	}

	static LegacyAnswer legacyTls(String address, int port, String request) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2_000);
			socket.setSoTimeout(3_000);
			BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
			ProtocolVersion[] negotiated = new ProtocolVersion[1];
			int[] chosen = new int[1];
			DefaultTlsClient client = new DefaultTlsClient(crypto) {
				@Override
				public void notifyServerVersion(ProtocolVersion version) {
					negotiated[0] = version;
				}

				@Override
				public void notifySelectedCipherSuite(int suite) {
					chosen[0] = suite;
				}

				@Override
				protected ProtocolVersion[] getSupportedVersions() {
					return ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10);
				}

				@Override
				protected int[] getSupportedCipherSuites() {
					return new int[] { CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
							CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA };
				}

				@Override
				public TlsAuthentication getAuthentication() {
					return new TlsAuthentication() {
						@Override
						public void notifyServerCertificate(TlsServerCertificate certificate) {
						}

						@Override
						public TlsCredentials getClientCredentials(CertificateRequest request) {
							return null;
						}
					};
				}
			};
			TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
			protocol.connect(client);
			protocol.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new LegacyAnswer(negotiated[0], chosen[0], readAll(protocol.getInputStream(), 2 * 1024 * 1024));
		}
	}

	static String jsseExchange(String address, int port, String request) throws Exception {
		try (SSLSocket socket = (SSLSocket) trustingTls().getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(address, port), 2_000);
			socket.setSoTimeout(3_000);
			socket.startHandshake();
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return readAll(socket.getInputStream(), 2 * 1024 * 1024);
		}
	}

	static String get(String address, int port, String path, String... headers) throws IOException {
		return exchange(address, port, "GET " + path + " HTTP/1.1\r\nHost: " + address + "\r\nConnection: close\r\n"
				+ String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n");
	}

	static String post(String address, int port, String path, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return exchange(address, port, "POST " + path + " HTTP/1.1\r\nHost: " + address
				+ "\r\nConnection: close\r\nContent-Type: "
				+ contentType + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
	}

	/** One RTSP request on its own connection; the response head and body as text. */
	static String rtsp(String address, String method, String url, int cseq, String... headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, 554), 2_000);
			socket.setSoTimeout(3_000);
			socket.getOutputStream().write((method + " " + url + " RTSP/1.0\r\nCSeq: " + cseq + "\r\n"
					+ String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			socket.shutdownOutput();
			return readAll(socket.getInputStream(), 64 * 1024);
		}
	}

	static String udp(String address, int port, String payload) throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			socket.setSoTimeout(3_000);
			byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(address, port)));
			byte[] buffer = new byte[64 * 1024];
			DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
			socket.receive(answer);
			return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
		}
	}

	static String readAll(InputStream in, int limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while (out.size() < limit && (n = in.read(buffer)) >= 0) {
				out.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException e) {
			// the caller sees what arrived
		}
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	static String param(String challenge, String name) {
		Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(challenge);
		if (!matcher.find()) {
			throw new AssertionError("no " + name + " in " + challenge);
		}
		return matcher.group(1);
	}

	/** The {@code Authorization} header answering a Digest challenge, per RFC 7616 with qop=auth. */
	static String digest(String challengeResponse, String method, String uri, String user, String password)
			throws Exception {
		String header = challengeResponse.lines().filter(l -> l.startsWith("WWW-Authenticate: Digest")).findFirst()
				.orElseThrow(() -> new AssertionError("no Digest challenge in " + challengeResponse));
		String realm = param(header, "realm");
		String nonce = param(header, "nonce");
		String ha1 = md5(user + ":" + realm + ":" + password);
		String ha2 = md5(method + ":" + uri);
		String cnonce = "0a4f113b";
		String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
		return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
				+ "\", uri=\"" + uri + "\", qop=auth, nc=00000001, cnonce=\"" + cnonce + "\", response=\"" + response
				+ "\", algorithm=MD5";
	}

	static String basic(String user, String password) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** An ONVIF SOAP 1.2 request, with a PasswordDigest UsernameToken when {@code user} is not null. */
	static String soap(String operationXml, String user, String password) throws Exception {
		String security = "";
		if (user != null) {
			byte[] nonce = "lab-test-nonce-1".getBytes(StandardCharsets.US_ASCII);
			String created = "2026-11-23T12:00:00Z";
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(nonce);
			sha1.update(created.getBytes(StandardCharsets.UTF_8));
			sha1.update(password.getBytes(StandardCharsets.UTF_8));
			String digest = Base64.getEncoder().encodeToString(sha1.digest());
			security = "<s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
					+ "oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
					+ "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>" + user
					+ "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
					+ "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">" + digest
					+ "</wsse:Password><wsse:Nonce>" + Base64.getEncoder().encodeToString(nonce)
					+ "</wsse:Nonce><wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>"
					+ "</s:Header>";
		}
		return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\">"
				+ security + "<s:Body>" + operationXml + "</s:Body></s:Envelope>";
	}

	static String md5(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String body(String response) {
		int split = response.indexOf("\r\n\r\n");
		return split < 0 ? "" : response.substring(split + 4);
	}

	/** Trusts the lab's self-signed certificate; test code only. */
	private static final class TrustingManager implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
