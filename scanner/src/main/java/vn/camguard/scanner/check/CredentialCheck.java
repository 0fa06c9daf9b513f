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

/**
 * {@code CG-CRED-DEFAULT} / {@code CG-CRED-WEAK}: the device accepts its factory account or a common weak
 * password. Tries the short per-vendor plan over the cheapest protocol that challenges (RTSP on its kept-open
 * connection, then ONVIF UsernameToken, then HTTP), stops at the first success, makes sure a random password
 * is refused (a device that accepts anything proves nothing), then confirms that one credential over the
 * other protocols for the evidence. Every attempt, confirmations included, counts
 * against the per-device budget (default 10), which stays below lockout thresholds.
 */
public final class CredentialCheck implements Check {

	public static final String DEFAULT = "CG-CRED-DEFAULT";

	public static final String WEAK = "CG-CRED-WEAK";

	/** A protocol over which a login can be tried; {@code empty} = this protocol could not tell. */
	private interface Login {

		String protocol();

		Optional<Boolean> attempt(Credential credential);

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
		for (DefaultCredentials.Attempt attempt : plan) {
			Optional<Boolean> accepted = Optional.empty();
			Login primary = null;
			// A protocol that cannot tell (no challenge after all, an error) gives way to the next one;
			// only attempts that reached a verdict count against the budget.
			while (accepted.isEmpty() && !logins.isEmpty() && used < budget) {
				primary = logins.getFirst();
				accepted = primary.attempt(attempt.credential());
				if (accepted.isEmpty()) {
					logins.removeFirst();
				}
			}
			if (accepted.isEmpty()) {
				return List.of();
			}
			used++;
			if (accepted.get() && used < budget) {
				// A device that accepts a random password accepts anything (cameradar #438, #347): no finding.
				used++;
				if (primary.attempt(decoy(attempt.credential())).orElse(false)) {
					return List.of();
				}
			}
			if (accepted.get()) {
				List<Evidence> evidence = new ArrayList<>();
				evidence.add(new Evidence(primary.protocol(), "login accepted for " + attempt.credential().masked()));
				for (Login other : logins.subList(1, logins.size())) {
					if (used >= budget) {
						break;
					}
					used++;
					if (other.attempt(attempt.credential()).orElse(false)) {
						evidence.add(new Evidence(other.protocol(), "login accepted for " + attempt.credential().masked()));
					}
				}
				boolean factory = attempt.kind() == DefaultCredentials.Kind.FACTORY;
				return List.of(new Finding(factory ? DEFAULT : WEAK, factory ? Severity.CRITICAL : Severity.HIGH,
						Qcvn.UNIQUE_PASSWORD.label(),
						factory ? "Factory default account still accepted" : "Common weak password accepted", evidence,
						List.of()));
			}
		}
		return List.of();
	}

	private static Credential decoy(Credential worked) {
		byte[] random = new byte[12];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
		return new Credential(worked.username(), "cg-" + java.util.HexFormat.of().formatHex(random));
	}

	private static List<Login> logins(DeviceContext device) {
		List<Login> logins = new ArrayList<>();
		if (device.rtspChallenge().isPresent() && device.rtspPath().isPresent()) {
			logins.add(new RtspLogin(device, device.rtspChallenge().get(), device.rtspPath().get()));
		}
		device.onvif().ifPresent(endpoint -> logins.add(new OnvifLogin(device, endpoint)));
		httpLogin(device).ifPresent(logins::add);
		// Cheapest first: RTSP reuses one connection; TLS handshakes are the expensive part of HTTPS and ONVIF.
		logins.sort(java.util.Comparator.comparingInt(l -> l.protocol().startsWith("rtsp") ? 0
				: l.protocol().endsWith("(tls)") ? 2 : 1));
		return logins;
	}

	private static Optional<Login> httpLogin(DeviceContext device) {
		if (device.web().isEmpty() || device.family().isEmpty()
				|| device.unresponsive().contains(device.web().get().port())) {
			return Optional.empty();
		}
		String path = device.family().get().snapshotPath();
		return Optional.of(new HttpLogin(device, path));
	}

	private record RtspLogin(DeviceContext device, Challenge challenge, String path) implements Login {

		@Override
		public String protocol() {
			return "rtsp";
		}

		@Override
		public Optional<Boolean> attempt(Credential credential) {
			Reply reply = device.rtsp().describe(path, challenge, credential);
			return switch (reply.status()) {
				case 200 -> Optional.of(reply instanceof Reply.Message m && m.headers().all("WWW-Authenticate").isEmpty());
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

		private Optional<Challenge> challenge = Optional.empty();

		HttpLogin(DeviceContext device, String path) {
			this.device = device;
			this.path = path;
		}

		@Override
		public String protocol() {
			return "http" + (device.web().get().tls() ? " (tls)" : "");
		}

		@Override
		public Optional<Boolean> attempt(Credential credential) {
			HttpRequest request = HttpRequest.get(path);
			if (challenge.isEmpty()) {
				Reply anonymous = device.http().send(device.web().get(), request);
				challenge = anonymous instanceof Reply.Message m && m.status() == 401
						? Challenge.best(m.headers().all("WWW-Authenticate")) : Optional.empty();
				if (challenge.isEmpty()) {
					return Optional.empty();
				}
			}
			Reply reply = device.http().sendWithCredential(device.web().get(), request, credential, challenge);
			return switch (reply.status()) {
				case 200 -> Optional.of(true);
				case 401, 403 -> Optional.of(false);
				default -> Optional.empty();
			};
		}

	}

}
