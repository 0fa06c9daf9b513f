package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.wire.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code CG-CRED-DEFAULT} / {@code CG-CRED-WEAK}: the device accepts its factory account or a common weak
 * password. Tries the short per-vendor plan over the cheapest protocol that challenges (RTSP on its kept-open
 * connection, then HTTP Digest, then ONVIF UsernameToken; clear text before TLS). RTSP and HTTP get the plan
 * pipelined, all attempts in one write and one round trip, which a device that cannot pipeline turns back into
 * one by one; the others go one by one and stop at the first success. Then it makes sure a random password is
 * refused (a device that accepts anything proves nothing) and confirms the credential over the other protocols
 * for the evidence. Every attempt that got an answer, confirmations included, counts against the per-device
 * budget (default 10), which stays below lockout thresholds.
 */
public final class CredentialCheck implements Check {

	public static final String DEFAULT = "CG-CRED-DEFAULT";

	public static final String WEAK = "CG-CRED-WEAK";

	/** A protocol over which a login can be tried; {@code empty} = this protocol could not tell. */
	private interface Login {

		String protocol();

		Optional<Boolean> attempt(Credential credential);

		/**
		 * Verdicts on {@code credentials} in order, for as many as this protocol could tell. One by one, it
		 * stops at the first login accepted; a protocol that sends them all at once answers them all.
		 */
		default List<Boolean> attemptEach(List<Credential> credentials) {
			return oneByOne(credentials);
		}

		default List<Boolean> oneByOne(List<Credential> credentials) {
			List<Boolean> verdicts = new ArrayList<>();
			for (Credential credential : credentials) {
				Optional<Boolean> verdict = attempt(credential);
				if (verdict.isEmpty()) {
					break;
				}
				verdicts.add(verdict.get());
				if (verdict.get()) {
					break;
				}
			}
			return verdicts;
		}

		/**
		 * The verdicts a pipelined batch's {@code replies} give, in order; whatever the batch left undecided (a
		 * device that closed, fell silent or answered oddly) goes on one by one.
		 */
		default List<Boolean> afterBatch(List<Reply> replies, List<Credential> credentials,
				Function<Reply, Optional<Boolean>> verdictOf) {
			List<Boolean> verdicts = new ArrayList<>();
			for (Reply reply : replies) {
				Optional<Boolean> verdict = verdictOf.apply(reply);
				if (verdict.isEmpty()) {
					break;
				}
				verdicts.add(verdict.get());
			}
			if (verdicts.size() < credentials.size() && !verdicts.contains(true)) {
				verdicts.addAll(oneByOne(credentials.subList(verdicts.size(), credentials.size())));
			}
			return verdicts;
		}

	}

	@Override
	public List<String> ids() {
		return List.of(DEFAULT, WEAK);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		List<Login> logins = logins(device);
		if (logins.isEmpty()) {
			return List.of();
		}
		int budget = device.tools().attemptBudget();
		List<DefaultCredentials.Attempt> plan = device.tools().credentials().plan(device.fingerprint().vendor(), budget);
		int used = 0;
		int next = 0;
		while (next < plan.size() && used < budget && !logins.isEmpty()) {
			Login primary = logins.getFirst();
			List<DefaultCredentials.Attempt> batch = plan.subList(next, Math.min(plan.size(), next + budget - used));
			List<Boolean> verdicts = primary.attemptEach(
					batch.stream().map(DefaultCredentials.Attempt::credential).toList());
			// Only attempts that reached a verdict count against the budget; a protocol that could not tell
			// gives way to the next one, which goes on from the same credential.
			used += verdicts.size();
			int accepted = verdicts.indexOf(true);
			if (accepted >= 0) {
				return finding(batch.get(accepted), primary, logins, budget - used);
			}
			next += verdicts.size();
			if (verdicts.size() < batch.size()) {
				logins.removeFirst();
			}
		}
		return List.of();
	}

	/**
	 * A login {@code primary} accepted: no finding if a random password is accepted too (a device that accepts
	 * anything proves nothing, cameradar #438, #347); otherwise confirmed over the other protocols, for the
	 * evidence, as far as the {@code left} attempts of the budget go.
	 */
	private static List<Finding> finding(DefaultCredentials.Attempt attempt, Login primary, List<Login> logins,
			int left) {
		if (left > 0) {
			left--;
			if (primary.attemptEach(List.of(decoy(attempt.credential()))).contains(true)) {
				return List.of();
			}
		}
		List<Evidence> evidence = new ArrayList<>();
		evidence.add(new Evidence(primary.protocol(), "login accepted for " + attempt.credential().masked()));
		for (Login other : logins.subList(1, logins.size())) {
			if (left <= 0) {
				break;
			}
			left--;
			if (other.attemptEach(List.of(attempt.credential())).contains(true)) {
				evidence.add(new Evidence(other.protocol(), "login accepted for " + attempt.credential().masked()));
			}
		}
		boolean factory = attempt.kind() == DefaultCredentials.Kind.FACTORY;
		return List.of(new Finding(factory ? DEFAULT : WEAK, factory ? Severity.CRITICAL : Severity.HIGH,
				Qcvn.UNIQUE_PASSWORD.label(),
				factory ? "Factory default account still accepted" : "Common weak password accepted", evidence,
				List.of()));
	}

	private static Credential decoy(Credential worked) {
		byte[] random = new byte[12];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
		return new Credential(worked.username(), "cg-" + java.util.HexFormat.of().formatHex(random));
	}

	private static List<Login> logins(DeviceContext device) {
		List<Login> logins = new ArrayList<>();
		device.challengedRoute().ifPresent(route -> logins.add(new RtspLogin(route)));
		device.onvif().ifPresent(endpoint -> logins.add(new OnvifLogin(device, endpoint)));
		httpLogin(device).ifPresent(logins::add);
		// Cheapest first: RTSP reuses one connection and its answers are small; plain before TLS (each attempt
		// is encrypted at both ends); an HTTP Digest GET before an ONVIF call (a SOAP envelope with a
		// WS-Security header, several times the bytes to build, encrypt and parse on both ends).
		logins.sort(java.util.Comparator.comparingInt(l -> l.protocol().startsWith("rtsp") ? 0
				: (l.protocol().contains("(tls)") ? 2 : 0) + (l.protocol().startsWith("onvif") ? 2 : 1)));
		return logins;
	}

	/**
	 * Over the web port: the family's snapshot path when the vendor is known, else the page that asked for
	 * credentials itself (a web server of an unknown vendor that challenges on its first page).
	 */
	private static Optional<Login> httpLogin(DeviceContext device) {
		if (device.web().isEmpty() || device.unresponsive().contains(device.web().get().port())) {
			return Optional.empty();
		}
		if (device.family().isPresent()) {
			return Optional.of(new HttpLogin(device, device.family().get().snapshotPath(), device.snapshotAnonymous()));
		}
		return device.page().filter(p -> p.status() == 401).map(p -> new HttpLogin(device, pathOf(p.url()), Optional.empty()));
	}

	private static String pathOf(String url) {
		java.net.URI uri = java.net.URI.create(url);
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	/** DESCRIBE of the route found on one RTSP port, answering its challenge. */
	private record RtspLogin(DeviceContext.RtspRoute route) implements Login {

		@Override
		public String protocol() {
			return "rtsp/" + route.port() + " " + route.path();
		}

		@Override
		public Optional<Boolean> attempt(Credential credential) {
			return verdict(route.session().describe(route.path(), route.challenge().get(), credential));
		}

		/** All at once over the kept-open connection. */
		@Override
		public List<Boolean> attemptEach(List<Credential> credentials) {
			return afterBatch(route.session().describeEach(route.path(), route.challenge().get(), credentials),
					credentials, this::verdict);
		}

		/**
		 * On a port that challenges before it looks the path up, 404 with credentials means they got past the
		 * login (Cameradar's credential attack counts it so): the path was only a stand-in.
		 */
		private Optional<Boolean> verdict(Reply reply) {
			return switch (reply.status()) {
				case 200 -> Optional.of(reply instanceof Reply.Message m && m.headers().all("WWW-Authenticate").isEmpty());
				case 404 -> route.anyPath() ? Optional.of(true) : Optional.empty();
				case 401, 403 -> Optional.of(false);
				default -> Optional.empty();
			};
		}

	}

	private record OnvifLogin(DeviceContext device, DeviceContext.OnvifEndpoint endpoint) implements Login {

		@Override
		public String protocol() {
			return "onvif" + (endpoint.endpoint().tls() ? " (tls)" : "");
		}

		@Override
		public Optional<Boolean> attempt(Credential credential) {
			OnvifClient.Outcome outcome = device.onvifClient().getDeviceInformation(endpoint.endpoint(), endpoint.path(),
					Optional.of(credential));
			return switch (outcome) {
				case OnvifClient.Outcome.Answered a -> Optional.of(true);
				case OnvifClient.Outcome.NotAuthorized n -> Optional.of(false);
				case OnvifClient.Outcome.Unavailable u -> Optional.empty();
			};
		}

	}

	private static final class HttpLogin implements Login {

		private final DeviceContext device;

		private final String path;

		/** The path's answer without credentials, when already fetched (the snapshot check's). */
		private final Optional<Reply> anonymous;

		private Optional<Challenge> challenge = Optional.empty();

		HttpLogin(DeviceContext device, String path, Optional<Reply> anonymous) {
			this.device = device;
			this.path = path;
			this.anonymous = anonymous;
		}

		@Override
		public String protocol() {
			return "http" + (device.web().get().tls() ? " (tls)" : "") + "/" + device.web().get().port() + " " + path;
		}

		@Override
		public Optional<Boolean> attempt(Credential credential) {
			if (!challenged()) {
				return Optional.empty();
			}
			return verdict(device.http().sendWithCredential(device.web().get(), HttpRequest.get(path), credential,
					challenge));
		}

		/** All at once over the kept-open connection (GETs, which HTTP/1.1 lets a client pipeline). */
		@Override
		public List<Boolean> attemptEach(List<Credential> credentials) {
			if (credentials.size() < 2 || !challenged()) {
				return oneByOne(credentials);
			}
			return afterBatch(device.http().sendEachWithCredential(device.web().get(), HttpRequest.get(path),
					credentials, challenge.get()), credentials, HttpLogin::verdict);
		}

		/** Whether the path asks for credentials; the snapshot check's anonymous answer tells, else one GET. */
		private boolean challenged() {
			if (challenge.isEmpty()) {
				Reply answer = anonymous.orElseGet(() -> device.http().send(device.web().get(), HttpRequest.get(path)));
				challenge = answer instanceof Reply.Message m && m.status() == 401
						? Challenge.best(m.headers().all("WWW-Authenticate")) : Optional.empty();
			}
			return challenge.isPresent();
		}

		/** A Digest answer refused as stale proves nothing about the password. */
		private static Optional<Boolean> verdict(Reply reply) {
			return switch (reply.status()) {
				case 200 -> Optional.of(true);
				case 401 -> reply instanceof Reply.Message m && Challenge.best(m.headers().all("WWW-Authenticate"))
						.filter(c -> c.param("stale").equalsIgnoreCase("true")).isPresent() ? Optional.empty()
								: Optional.of(false);
				case 403 -> Optional.of(false);
				default -> Optional.empty();
			};
		}

	}

}
