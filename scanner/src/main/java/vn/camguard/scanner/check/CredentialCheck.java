package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CG-CRED-DEFAULT} / {@code CG-CRED-WEAK}: the device accepts its factory account or a common weak
 * password. Tries the short per-vendor plan over the cheapest protocol that challenges (RTSP on its kept-open
 * connection, then HTTP Digest, then ONVIF UsernameToken; clear text before TLS), then makes sure a random
 * password is refused (a device that accepts anything proves nothing) and confirms the credential over the other
 * protocols for the evidence.
 * <p>
 * It must never lock anyone out: every login that goes on the wire counts against the per-device budget
 * (default 10), answered or not, confirmations and the random password included; no account gets more logins
 * that may fail than the pacing allows (default 4 in any 30 s, {@link LoginPacing}); attempts go one at a time
 * unless the protocol's port has shown it answers requests sent together; and an answer saying the account is
 * locked, or no answer at all within the read timeout (a tarpit), ends the plan for the device, with a note.
 * Basic credentials go in clear text only to a device that offers nothing else, and the evidence says so.
 * <p>
 * Unlike the checks, this one asks the device: it is the login step of the probe sequence (DeviceScan), over the
 * clients that probed the device ({@link DeviceClients}), and the credential it finds goes into the observations.
 */
public final class CredentialCheck {

	public static final String DEFAULT = "CG-CRED-DEFAULT";

	public static final String WEAK = "CG-CRED-WEAK";

	/** What one login attempt's answer showed. */
	enum Answer {
		ACCEPTED, REFUSED,
		/** The device says the account is locked: nothing more may be tried. */
		LOCKED,
		/** No answer within the read timeout: a tarpit, or a device in trouble; nothing more is tried. */
		SILENT,
		/** This protocol could not tell (closed, odd status): the next protocol goes on. */
		UNDECIDED
	}

	/** A protocol over which a login can be tried. */
	private interface Login {

		String protocol();

		/** Whether several attempts may go in one write (the port has shown it answers pipelined requests). */
		boolean pipelines();

		/** The answers to {@code credentials}, in order, as far as they came (all sent in one write). */
		List<Answer> attemptTogether(List<Credential> credentials);

		Answer attempt(Credential credential);

		/** Why the evidence must mention how the credential travelled (empty when nothing to say). */
		default String caveat() {
			return "";
		}

	}

	public List<String> ids() {
		return List.of(DEFAULT, WEAK);
	}

	/** The findings and, when a login was accepted (and a random password was not), the credential. */
	public record Outcome(List<Finding> findings, Optional<Credential> credential) {

		static final Outcome NOTHING = new Outcome(List.of(), Optional.empty());

	}

	/**
	 * Runs the device's login plan over the clients that probed it; the credential found lets the scan read what
	 * the device hides from strangers.
	 */
	public Outcome login(DeviceObservations device, DeviceClients clients) {
		List<Login> logins = logins(device, clients);
		if (logins.isEmpty()) {
			return Outcome.NOTHING;
		}
		Plan run = new Plan(device, clients, logins);
		try {
			return run.execute();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.NOTHING;
		}
	}

	/** One device's login plan under its budget and pacing. */
	private static final class Plan {

		private final DeviceObservations device;

		private final DeviceClients clients;

		private final List<Login> logins;

		private final List<Login> all;

		private final int budget;

		private final LoginPacing.Pacer pacer;

		Plan(DeviceObservations device, DeviceClients clients, List<Login> logins) {
			this.device = device;
			this.clients = clients;
			this.logins = new ArrayList<>(logins);
			this.all = List.copyOf(logins);
			this.budget = clients.tools().attemptBudget();
			this.pacer = clients.tools().pacing().pacer();
		}

		/** Logins on the wire so far, over every protocol of the device. */
		private int sent() {
			// Logins over one transport (the web port's HTTP and ONVIF) share its count: each transport once.
			int total = clients.http().credentialsSent();
			for (DeviceObservations.RtspRoute route : device.rtspRoutes()) {
				total += clients.rtsp(route).credentialsSent();
			}
			return total;
		}

		Outcome execute() throws InterruptedException {
			List<DefaultCredentials.Attempt> plan = clients.tools().credentials().plan(device.fingerprint().vendor(),
					budget);
			java.util.Set<Login> oneAtATime = new java.util.HashSet<>();
			int next = 0;
			while (next < plan.size() && sent() < budget && !logins.isEmpty()) {
				Login primary = logins.getFirst();
				pacer.awaitRoom(plan.get(next).credential().username());
				List<DefaultCredentials.Attempt> batch = batch(plan, next, primary, oneAtATime.contains(primary));
				List<Answer> answers = batch.size() > 1
						? primary.attemptTogether(batch.stream().map(DefaultCredentials.Attempt::credential).toList())
						: List.of(primary.attempt(batch.getFirst().credential()));
				// Counted as failures, answered or not, until one shows it was accepted; timed when the answer came
				// (or was given up on), which is no earlier than when the device counted it.
				batch.forEach(a -> pacer.sent(a.credential().username()));
				int refused = 0;
				boolean undecided = false;
				for (Answer answer : answers) {
					DefaultCredentials.Attempt attempt = batch.get(refused);
					switch (answer) {
						case ACCEPTED -> {
							pacer.accepted(attempt.credential().username());
							return finding(attempt, primary);
						}
						case LOCKED -> {
							stop(primary, "answered that the account is locked");
							return Outcome.NOTHING;
						}
						case SILENT -> {
							stop(primary, "gave no answer to a login within the read timeout (a tarpit?)");
							return Outcome.NOTHING;
						}
						case UNDECIDED -> undecided = true;
						case REFUSED -> refused++;
					}
					if (undecided) {
						break;
					}
				}
				next += refused;
				if (undecided) {
					// This protocol cannot tell: the next one goes on from the same credential.
					logins.removeFirst();
				}
				else if (refused < batch.size()) {
					// A batch cut short: the rest went out unanswered. One at a time from here on.
					oneAtATime.add(primary);
				}
			}
			if (next < plan.size() && sent() >= budget) {
				clients.notes().add("login plan stopped at its budget: " + sent() + " attempts sent");
			}
			return Outcome.NOTHING;
		}

		/**
		 * The attempts that go out together from {@code next}: one, unless {@code login} pipelines; then as many
		 * as the budget and every account's pacing allow.
		 */
		private List<DefaultCredentials.Attempt> batch(List<DefaultCredentials.Attempt> plan, int next, Login login,
				boolean oneAtATime) {
			// One attempt of the budget stays for the random password that checks a success.
			int left = budget - sent() - 1;
			if (oneAtATime || !login.pipelines() || left < 2) {
				return plan.subList(next, next + 1);
			}
			java.util.Map<String, Integer> room = new java.util.HashMap<>();
			int end = next;
			while (end < plan.size() && end - next < left) {
				String user = plan.get(end).credential().username();
				int r = room.computeIfAbsent(user, pacer::room);
				if (r <= 0) {
					break;
				}
				room.put(user, r - 1);
				end++;
			}
			return plan.subList(next, Math.max(end, next + 1));
		}

		private void stop(Login login, String why) {
			clients.notes().add("login plan stopped after " + sent() + " attempts: " + login.protocol() + " " + why);
		}

		/**
		 * A login {@code primary} accepted: no finding if a random password is accepted too (a device that accepts
		 * anything proves nothing, cameradar #438, #347); otherwise confirmed over the other protocols, for the
		 * evidence, as far as the budget and the pacing go.
		 */
		private Outcome finding(DefaultCredentials.Attempt attempt, Login primary) throws InterruptedException {
			Credential worked = attempt.credential();
			if (sent() < budget) {
				pacer.awaitRoom(worked.username());
				Answer decoy = primary.attempt(decoy(worked));
				pacer.sent(worked.username());
				if (decoy == Answer.ACCEPTED) {
					return Outcome.NOTHING;
				}
			}
			List<Evidence> evidence = new ArrayList<>();
			evidence.add(new Evidence(primary.protocol(), "login accepted for " + worked.masked() + primary.caveat()));
			for (Login other : all) {
				if (other == primary || sent() >= budget || pacer.room(worked.username()) <= 0) {
					continue;
				}
				boolean accepted = other.attempt(worked) == Answer.ACCEPTED;
				pacer.sent(worked.username());
				if (accepted) {
					pacer.accepted(worked.username());
					evidence.add(new Evidence(other.protocol(), "login accepted for " + worked.masked() + other.caveat()));
				}
			}
			boolean factory = attempt.kind() == DefaultCredentials.Kind.FACTORY;
			return new Outcome(List.of(new Finding(factory ? DEFAULT : WEAK, factory ? Severity.CRITICAL : Severity.HIGH,
					Qcvn.UNIQUE_PASSWORD.label(),
					factory ? "Factory default account still accepted" : "Common weak password accepted", evidence,
					List.of())), Optional.of(worked));
		}

	}

	private static Credential decoy(Credential worked) {
		byte[] random = new byte[12];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
		return new Credential(worked.username(), "cg-" + java.util.HexFormat.of().formatHex(random));
	}

	private static List<Login> logins(DeviceObservations device, DeviceClients clients) {
		List<Login> logins = new ArrayList<>();
		device.challengedRoute().ifPresent(route -> logins.add(new RtspLogin(route, clients.rtsp(route))));
		device.onvif().ifPresent(endpoint -> logins.add(new OnvifLogin(clients.onvifClient(), endpoint)));
		httpLogin(device, clients.http()).ifPresent(logins::add);
		// Cheapest first: RTSP reuses one connection and its answers are small; plain before TLS (each attempt
		// is encrypted at both ends); an HTTP Digest GET before an ONVIF call (a SOAP envelope with a
		// WS-Security header, several times the bytes to build, encrypt and parse on both ends).
		logins.sort(java.util.Comparator.comparingInt(l -> l.protocol().startsWith("rtsp") ? 0
				: (l.protocol().contains("(tls)") ? 2 : 0) + (l.protocol().startsWith("onvif") ? 2 : 1)));
		return logins;
	}

	/** A refusal that says the account is locked (403, or a 401 whose text mentions a lock). */
	static Answer refusal(Reply.Message m) {
		String text = m.reason() + " " + m.bodyText();
		return text.toLowerCase(java.util.Locale.ROOT).contains("lock") ? Answer.LOCKED : Answer.REFUSED;
	}

	private static Answer unanswered(Reply reply) {
		return reply instanceof Reply.NoAnswer none && none.why().contains("timed out") ? Answer.SILENT
				: Answer.UNDECIDED;
	}

	/** Why Basic credentials crossed the network in clear text, for the evidence. */
	private static String basicCaveat(Challenge challenge, boolean tls) {
		return challenge.isBasic() && !tls
				? " (the device offers only Basic authentication, so the credential was sent in clear text)" : "";
	}

	/**
	 * Over the web port: the family's snapshot path when the vendor is known, else the page that asked for
	 * credentials itself (a web server of an unknown vendor that challenges on its first page).
	 */
	private static Optional<Login> httpLogin(DeviceObservations device, HttpProbe http) {
		if (device.web().isEmpty() || device.unresponsive().contains(device.web().get().port())) {
			return Optional.empty();
		}
		HttpProbe.Endpoint web = device.web().get();
		if (device.family().isPresent()) {
			return Optional.of(new HttpLogin(http, web, device.family().get().snapshotPath(), device.snapshotAnonymous()));
		}
		return device.page().filter(p -> p.status() == 401)
			.map(p -> new HttpLogin(http, web, pathOf(p.url()), Optional.empty()));
	}

	private static String pathOf(String url) {
		java.net.URI uri = java.net.URI.create(url);
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	/** DESCRIBE of the route found on one RTSP port, answering its challenge. */
	private record RtspLogin(DeviceObservations.RtspRoute route, RtspSession session) implements Login {

		@Override
		public String protocol() {
			return "rtsp/" + route.port() + " " + route.path();
		}

		@Override
		public boolean pipelines() {
			return session.pipelines();
		}

		@Override
		public Answer attempt(Credential credential) {
			return answer(session.describe(route.path(), route.challenge().get(), credential));
		}

		@Override
		public List<Answer> attemptTogether(List<Credential> credentials) {
			return session.describePipelined(route.path(), route.challenge().get(), credentials).stream()
					.map(this::answer).toList();
		}

		@Override
		public String caveat() {
			return basicCaveat(route.challenge().get(), false);
		}

		/**
		 * On a port that challenges before it looks the path up, 404 with credentials means they got past the
		 * login (Cameradar's credential attack counts it so): the path was only a stand-in.
		 */
		private Answer answer(Reply reply) {
			if (!(reply instanceof Reply.Message m)) {
				return unanswered(reply);
			}
			return switch (m.status()) {
				case 200 -> m.headers().all("WWW-Authenticate").isEmpty() ? Answer.ACCEPTED : Answer.REFUSED;
				case 404 -> route.anyPath() ? Answer.ACCEPTED : Answer.UNDECIDED;
				case 401, 403 -> refusal(m);
				default -> Answer.UNDECIDED;
			};
		}

	}

	private record OnvifLogin(OnvifClient onvifClient, DeviceObservations.OnvifEndpoint endpoint) implements Login {

		@Override
		public String protocol() {
			return "onvif" + (endpoint.endpoint().tls() ? " (tls)" : "");
		}

		@Override
		public boolean pipelines() {
			return false;
		}

		@Override
		public List<Answer> attemptTogether(List<Credential> credentials) {
			return List.of(attempt(credentials.getFirst()));
		}

		@Override
		public Answer attempt(Credential credential) {
			OnvifClient.Outcome outcome = onvifClient.getDeviceInformation(endpoint.endpoint(), endpoint.path(),
					Optional.of(credential));
			return switch (outcome) {
				case OnvifClient.Outcome.Answered a -> Answer.ACCEPTED;
				case OnvifClient.Outcome.NotAuthorized n -> Answer.REFUSED;
				case OnvifClient.Outcome.Unavailable u -> Answer.UNDECIDED;
			};
		}

	}

	private static final class HttpLogin implements Login {

		private final HttpProbe http;

		private final HttpProbe.Endpoint web;

		private final String path;

		/** The path's answer without credentials, when already fetched (the snapshot check's). */
		private final Optional<Reply> anonymous;

		private Optional<Challenge> challenge = Optional.empty();

		HttpLogin(HttpProbe http, HttpProbe.Endpoint web, String path, Optional<Reply> anonymous) {
			this.http = http;
			this.web = web;
			this.path = path;
			this.anonymous = anonymous;
		}

		@Override
		public String protocol() {
			return "http" + (web.tls() ? " (tls)" : "") + "/" + web.port() + " " + path;
		}

		@Override
		public boolean pipelines() {
			return http.pipelines(web) && challenged();
		}

		@Override
		public Answer attempt(Credential credential) {
			if (!challenged()) {
				return Answer.UNDECIDED;
			}
			return answer(http.sendWithCredential(web, HttpRequest.get(path), credential,
					challenge));
		}

		/** All in one write over the kept-open connection (GETs, which HTTP/1.1 lets a client pipeline). */
		@Override
		public List<Answer> attemptTogether(List<Credential> credentials) {
			if (!challenged()) {
				return List.of(Answer.UNDECIDED);
			}
			List<Answer> answers = http.sendEachWithCredential(web, HttpRequest.get(path),
					credentials, challenge.get()).stream().map(HttpLogin::answer).toList();
			// Not one answer to logins sent together: the plan stops as for a tarpit (the safe reading).
			return answers.isEmpty() ? List.of(Answer.SILENT) : answers;
		}

		@Override
		public String caveat() {
			return challenge.map(c -> basicCaveat(c, web.tls())).orElse("");
		}

		/** Whether the path asks for credentials; the snapshot check's anonymous answer tells, else one GET. */
		private boolean challenged() {
			if (challenge.isEmpty()) {
				Reply answer = anonymous.orElseGet(() -> http.send(web, HttpRequest.get(path)));
				challenge = answer instanceof Reply.Message m && m.status() == 401
						? Challenge.best(m.headers().all("WWW-Authenticate")) : Optional.empty();
			}
			return challenge.isPresent();
		}

		/** A Digest answer refused as stale proves nothing about the password. */
		private static Answer answer(Reply reply) {
			if (!(reply instanceof Reply.Message m)) {
				return unanswered(reply);
			}
			return switch (m.status()) {
				case 200 -> Answer.ACCEPTED;
				case 401 -> Challenge.best(m.headers().all("WWW-Authenticate"))
						.filter(c -> c.param("stale").equalsIgnoreCase("true")).isPresent() ? Answer.UNDECIDED : refusal(m);
				case 403 -> refusal(m);
				default -> Answer.UNDECIDED;
			};
		}

	}

}
