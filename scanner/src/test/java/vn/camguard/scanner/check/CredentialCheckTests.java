package vn.camguard.scanner.check;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential check against quirky RTSP-only devices the lab does not have: one that accepts any password
 * (must not be reported), one whose admin password is a weak one (must be), and two that cannot take
 * pipelined requests (the attempts must still reach a verdict, one by one).
 */
class CredentialCheckTests {

	static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	/** How a device's RTSP server copes with a client that sends several requests at once. */
	enum Pipelining {
		/** Answers every request in order, as RTSP servers are meant to. */
		ANSWERS_ALL,
		/** Answers one request per connection, then closes it. */
		CLOSES_AFTER_EACH,
		/** Answers the first request of whatever one read brought and silently drops the rest. */
		DROPS_THE_REST
	}

	/** A login the device refused: for which user name, when. */
	record Refusal(String user, long at) {
	}

	/** A minimal RTSP device on port 554: Digest challenge, then accepts per {@code acceptsAnything}. */
	static final class RtspDevice implements AutoCloseable {

		final ServerSocket server = new ServerSocket();

		final boolean acceptsAnything;

		final Pipelining pipelining;

		final String password;

		final AtomicInteger authorizations = new AtomicInteger();

		/** Authorization headers that arrived on the wire, read or dropped by the firmware. */
		final AtomicInteger onTheWire = new AtomicInteger();

		/** Each login refused: for which account and when (on {@link #timeline}). */
		final List<Refusal> refusedAt = java.util.Collections.synchronizedList(new ArrayList<>());

		LoginPacing.Timeline timeline = LoginPacing.Timeline.SYSTEM;

		/** A tarpit: requests with credentials are read and never answered. */
		volatile boolean tarpit;

		RtspDevice(String address, boolean acceptsAnything) throws IOException {
			// 12345678 is a weak password but no vendor's factory one (admin/123456 is, for ACTi, iCatch, ...).
			this(address, acceptsAnything, Pipelining.ANSWERS_ALL, "12345678");
		}

		RtspDevice(String address, boolean acceptsAnything, Pipelining pipelining, String password) throws IOException {
			this.acceptsAnything = acceptsAnything;
			this.pipelining = pipelining;
			this.password = password;
			server.bind(new InetSocketAddress(InetAddress.getByName(address), 554));
			Thread.ofVirtual().start(this::serve);
		}

		void serve() {
			while (!server.isClosed()) {
				try (Socket client = server.accept()) {
					client.setSoTimeout(2000);
					OutputStream out = client.getOutputStream();
					if (pipelining == Pipelining.DROPS_THE_REST) {
						serveFirstOfEachRead(client, out);
						continue;
					}
					BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
					for (int n = 0; n < 20; n++) {
						List<String> head = new ArrayList<>();
						String line;
						while ((line = in.readLine()) != null && !line.isEmpty()) {
							head.add(line);
						}
						if (head.isEmpty()) {
							break;
						}
						onTheWire.addAndGet((int) head.stream().filter(h -> h.startsWith("Authorization:")).count());
						out.write(answer(head).getBytes(StandardCharsets.ISO_8859_1));
						out.flush();
						if (pipelining == Pipelining.CLOSES_AFTER_EACH) {
							// Whatever else the client had sent when the device closed is on the wire too.
							onTheWire.addAndGet(authorizationsIn(client.getInputStream()));
							break;
						}
					}
				}
				catch (IOException ignored) {
					// Next client.
				}
			}
		}

		/** Like firmware that parses one request out of each read into a fixed buffer and forgets the rest. */
		void serveFirstOfEachRead(Socket client, OutputStream out) throws IOException {
			byte[] buffer = new byte[8192];
			for (int n = 0; n < 20; n++) {
				int read = client.getInputStream().read(buffer);
				if (read <= 0) {
					return;
				}
				String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
				onTheWire.addAndGet(text.split("\r\nAuthorization:", -1).length - 1);
				int end = text.indexOf("\r\n\r\n");
				List<String> head = List.of((end < 0 ? text : text.substring(0, end)).split("\r\n"));
				out.write(answer(head).getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
		}

		static int authorizationsIn(java.io.InputStream in) {
			byte[] buffer = new byte[65536];
			int total = 0;
			try {
				int n;
				while (in.available() > 0 && (n = in.read(buffer)) > 0) {
					total += new String(buffer, 0, n, StandardCharsets.ISO_8859_1).split("\r\nAuthorization:", -1).length - 1;
				}
			}
			catch (IOException ex) {
				// Nothing more came.
			}
			return total;
		}

		String answer(List<String> head) {
			String cseq = head.stream().filter(h -> h.startsWith("CSeq:")).findFirst().orElse("CSeq: 1");
			if (head.getFirst().startsWith("OPTIONS")) {
				return "RTSP/1.0 200 OK\r\n" + cseq + "\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n";
			}
			String auth = head.stream().filter(h -> h.startsWith("Authorization:")).findFirst().orElse("");
			if (!auth.isEmpty() && tarpit) {
				return "";
			}
			if (!auth.isEmpty()) {
				authorizations.incrementAndGet();
				boolean granted = acceptsAnything || validFor(auth, "admin", password);
				if (!granted) {
					Matcher user = Pattern.compile("username=\"([^\"]*)\"").matcher(auth);
					refusedAt.add(new Refusal(user.find() ? user.group(1) : "", timeline.nanoTime()));
				}
				if (granted) {
					String sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=x\r\nm=video 0 RTP/AVP 96\r\n";
					return "RTSP/1.0 200 OK\r\n" + cseq + "\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length()
							+ "\r\n\r\n" + sdp;
				}
			}
			return "RTSP/1.0 401 Unauthorized\r\n" + cseq + "\r\nWWW-Authenticate: Digest realm=\"quirk\", nonce=\"0123\"\r\n\r\n";
		}

		static boolean validFor(String header, String user, String password) {
			java.util.Map<String, String> p = new java.util.HashMap<>();
			Matcher m = PARAM.matcher(header);
			while (m.find()) {
				p.put(m.group(1), m.group(2));
			}
			String ha1 = Authorization.md5(user + ":quirk:" + password);
			String ha2 = Authorization.md5("DESCRIBE:" + p.get("uri"));
			String expected = p.containsKey("cnonce")
					? Authorization.md5(ha1 + ":0123:" + header.replaceAll(".*nc=([0-9a-f]+).*", "$1") + ":" + p.get("cnonce")
							+ ":auth:" + ha2)
					: Authorization.md5(ha1 + ":0123:" + ha2);
			return user.equals(p.get("username")) && expected.equals(p.get("response"));
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	static DeviceReport scan(String address, int attempts) throws InterruptedException {
		// These devices lock no account out; LoginSafetyTests and the pacing test below keep the default pacing.
		return scan(address, attempts, LoginPacing.NONE);
	}

	static DeviceReport scan(String address, int attempts, LoginPacing pacing) throws InterruptedException {
		List<DeviceReport> reports = new ArrayList<>();
		ScanRequest request = ScanRequest.of(Targets.of(List.of(address), List.of(), Scope.of(List.of("127.20.0.0/14"))))
				.withPorts(List.of(554)).withCredentialAttempts(attempts).withLoginPacing(pacing)
				.withTimeouts(java.time.Duration.ofMillis(1000), java.time.Duration.ofMillis(500));
		new Scanner(request).scan(reports::add);
		return reports.getFirst();
	}

	@Test
	void aDeviceThatAcceptsAnyPasswordIsNotReported() throws Exception {
		try (RtspDevice device = new RtspDevice("127.22.3.1", true)) {
			DeviceReport report = scan("127.22.3.1", 10);
			assertThat(report.findings()).extracting(Finding::checkId).doesNotContain("CG-CRED-DEFAULT", "CG-CRED-WEAK");
			// The device showed it answers pipelined requests: the plan goes out in one batch (keeping one attempt of
			// the budget back), then the random password that unmasks it; never more than the budget.
			assertThat(device.authorizations.get()).isLessThanOrEqualTo(10);
			assertThat(device.onTheWire.get()).isLessThanOrEqualTo(10);
		}
	}

	@Test
	void aWeakPasswordIsFoundMaskedAndTheBudgetHolds() throws Exception {
		try (RtspDevice device = new RtspDevice("127.22.3.2", false)) {
			DeviceReport report = scan("127.22.3.2", 10);
			assertThat(report.findings()).extracting(Finding::checkId).containsExactly("CG-CRED-WEAK");
			assertThat(report.findings().getFirst().evidence().getFirst().detail()).contains("admin:1*****")
					.doesNotContain("123456");
			assertThat(device.authorizations.get()).isLessThanOrEqualTo(10);
		}
		try (RtspDevice device = new RtspDevice("127.22.3.3", false)) {
			DeviceReport report = scan("127.22.3.3", 0);
			assertThat(report.findings()).isEmpty();
			assertThat(device.authorizations.get()).isZero();
		}
	}

	/** The last of the five weak passwords, so the attempts after the first batch's answer are made one by one. */
	@Test
	void aDeviceThatCannotPipelineIsAskedOneRequestAtATime() throws Exception {
		try (RtspDevice closing = new RtspDevice("127.22.3.4", false, Pipelining.CLOSES_AFTER_EACH, "111111");
				RtspDevice dropping = new RtspDevice("127.22.3.5", false, Pipelining.DROPS_THE_REST, "111111")) {
			for (RtspDevice device : List.of(closing, dropping)) {
				DeviceReport report = scan(device.server.getInetAddress().getHostAddress(), 10);
				assertThat(report.findings()).as("%s", device.pipelining).extracting(Finding::checkId)
						.containsExactly("CG-CRED-WEAK");
				assertThat(report.findings().getFirst().evidence().getFirst().detail()).contains("admin:1*****");
				assertThat(device.authorizations.get()).as("%s", device.pipelining).isLessThanOrEqualTo(10);
				// Counted as sent, not as answered: nothing beyond the budget went out on the wire.
				assertThat(device.onTheWire.get()).as("%s", device.pipelining).isLessThanOrEqualTo(10);
			}
		}
	}

	/**
	 * The default pacing against a device, on a clock the test moves instead of waiting: the scanner's waits
	 * advance it, and the device stamps each refused login with it. No account gets more than 4 failed logins in
	 * any 30 s, however long the plan.
	 */
	@Test
	void theDefaultPacingNeverGivesAnAccountMoreThanFourFailuresInAnyThirtySeconds() throws Exception {
		ManualTimeline timeline = new ManualTimeline();
		LoginPacing pacing = new LoginPacing(LoginPacing.DEFAULT.failures(), LoginPacing.DEFAULT.window(), timeline);
		try (RtspDevice device = new RtspDevice("127.22.3.6", false, Pipelining.ANSWERS_ALL, "111111")) {
			device.timeline = timeline;
			DeviceReport report = scan("127.22.3.6", 10, pacing);
			assertThat(report.findings()).extracting(Finding::checkId).containsExactly("CG-CRED-WEAK");
			List<Refusal> refused = List.copyOf(device.refusedAt);
			// The unknown vendor's plan holds more than four of admin's passwords before 111111: pacing had to act.
			assertThat(refused.stream().filter(r -> r.user().equals("admin"))).hasSizeGreaterThan(4);
			long window = LoginPacing.DEFAULT.window().toNanos();
			for (Refusal start : refused) {
				assertThat(refused.stream().filter(r -> r.user().equals(start.user()) && r.at() >= start.at()
						&& r.at() - start.at() < window)).as("refusals of %s in 30 s from %d", start.user(), start.at())
						.hasSizeLessThanOrEqualTo(4);
			}
			assertThat(timeline.now).as("the plan took its two pauses").isGreaterThanOrEqualTo(2 * window);
			assertThat(device.onTheWire.get()).isLessThanOrEqualTo(10);
		}
	}

	/** A device that never answers a login ends the plan at once, with a note; nothing is reported. */
	@Test
	void aTarpitEndsThePlanWithANote() throws Exception {
		try (RtspDevice device = new RtspDevice("127.22.3.7", false)) {
			device.tarpit = true;
			DeviceReport report = scan("127.22.3.7", 10, LoginPacing.DEFAULT);
			assertThat(report.findings()).isEmpty();
			assertThat(report.notes()).anyMatch(n -> n.contains("login plan stopped") && n.contains("tarpit"));
			// One batch went out (at most four per account: admin's first four and root's first), nothing after
			// the silence, and the plan did not wait out the pacing for more.
			assertThat(device.onTheWire.get()).isBetween(1, 2 * LoginPacing.DEFAULT.failures());
		}
	}

	/** Time that moves only when the scanner waits on it. */
	static final class ManualTimeline implements LoginPacing.Timeline {

		volatile long now;

		@Override
		public long nanoTime() {
			return now;
		}

		@Override
		public synchronized void sleepUntil(long deadlineNanos) {
			now = Math.max(now, deadlineNanos);
		}

	}

}
