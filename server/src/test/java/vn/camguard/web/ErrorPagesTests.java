package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * 400 and 413 answered by the running server (random port, real HTTP): CamGuard's own translated
 * pages, never Tomcat's or the Whitelabel page in English, including an upload over
 * spring.servlet.multipart.max-file-size and a request Tomcat refuses before Spring sees it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size}")
	DataSize maxFileSize;

	@Test
	void anUploadOverTheSizeLimitGetsTheTranslatedFileTooLargePage() throws Exception {
		var officer = TestTree.create(setup).user("uploader", Role.UNIT_OFFICER, TestTree.create(setup).districtA());
		String boundary = "camguard-test-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long fileBytes = maxFileSize.toBytes() + 1024;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/inventory/cameras/import"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.header("Accept-Language", "vi")
			.header("Authorization", basic(officer.username()))
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
					() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
							new java.io.ByteArrayInputStream(head), new Zeros(fileBytes),
							new java.io.ByteArrayInputStream(tail)))))))
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.body()).contains("Tệp quá lớn", "50MB").doesNotContain("Whitelabel", "Tomcat");
		}
	}

	@Test
	void aRequestTomcatRefusesGetsCamGuardsOwnBadRequestPage() throws Exception {
		// a '{' in the request target: refused by Tomcat's parser before any servlet runs
		String answer = raw("GET /login?q={x} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).contains("Yêu cầu không hợp lệ", "Bad request").doesNotContain("Apache Tomcat", "Whitelabel");
	}

	@Test
	void aBadParameterGetsTheTranslatedBadRequestPage() throws Exception {
		var officer = TestTree.create(setup).user("reader", Role.UNIT_OFFICER, TestTree.create(setup).districtA());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/inventory/cameras/notanumber/edit?lang=en"))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html")
			.header("Authorization", basic(officer.username()))
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("<title>Bad request</title>").doesNotContain("Whitelabel");
		}
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + TestTree.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** A stream of n zero bytes, so the test holds no 50 MB array. */
	private static final class Zeros extends InputStream {

		private long left;

		Zeros(long n) {
			this.left = n;
		}

		@Override
		public int read() {
			if (left <= 0) {
				return -1;
			}
			left--;
			return '0';
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (left <= 0) {
				return -1;
			}
			int n = (int) Math.min(len, left);
			java.util.Arrays.fill(b, off, off + n, (byte) '0');
			left -= n;
			return n;
		}

	}

}
