package vn.camguard.scanner.onvif;

import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.wire.Reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * ONVIF device service over SOAP 1.2: only read calls (GetSystemDateAndTime, GetDeviceInformation,
 * GetNetworkInterfaces),
 * with or without a WS-Security UsernameToken (PasswordDigest).
 */
public final class OnvifClient {

	/** The default device service path. */
	public static final String DEVICE_SERVICE = "/onvif/device_service";

	private final HttpProbe http;

	public OnvifClient(HttpProbe http) {
		this.http = http;
	}

	/** What a device-service call returned. */
	public sealed interface Outcome {

		/** The call succeeded: the SOAP body, readable by element name. */
		record Answered(SoapText body) implements Outcome {
		}

		/** The device refused the call for lack of (valid) credentials. */
		record NotAuthorized(String evidence) implements Outcome {
		}

		/** Not ONVIF here: no answer, not SOAP, or an unrelated fault. */
		record Unavailable(String why) implements Outcome {
		}

	}

	/** Device identity as ONVIF reports it. */
	public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
			String hardwareId) {
	}

	public Outcome getDeviceInformation(HttpProbe.Endpoint endpoint, String path, Optional<Credential> credential) {
		return call(endpoint, path, "GetDeviceInformation", credential);
	}

	/** The device's network interfaces: their hardware addresses name the device whatever its IP address. */
	public Outcome getNetworkInterfaces(HttpProbe.Endpoint endpoint, String path, Optional<Credential> credential) {
		return call(endpoint, path, "GetNetworkInterfaces", credential);
	}

	/** The first interface's hardware address as the device wrote it (untrusted text), empty if none. */
	public static String hardwareAddress(SoapText body) {
		return body.first("HwAddress").orElse("");
	}

	public Outcome getSystemDateAndTime(HttpProbe.Endpoint endpoint, String path) {
		return call(endpoint, path, "GetSystemDateAndTime", Optional.empty());
	}

	public static DeviceInformation deviceInformation(SoapText body) {
		return new DeviceInformation(body.first("Manufacturer").orElse(""), body.first("Model").orElse(""),
				body.first("FirmwareVersion").orElse(""), body.first("SerialNumber").orElse(""),
				body.first("HardwareId").orElse(""));
	}

	private Outcome call(HttpProbe.Endpoint endpoint, String path, String operation, Optional<Credential> credential) {
		return outcome(http.send(endpoint, request(path, operation, credential)), operation);
	}

	/** The GetDeviceInformation call as a request, for a caller that sends it together with others. */
	public static HttpRequest deviceInformationRequest(String path, Optional<Credential> credential) {
		return request(path, "GetDeviceInformation", credential);
	}

	/** What the answer to {@link #deviceInformationRequest} amounts to. */
	public static Outcome deviceInformationOutcome(Reply reply) {
		return outcome(reply, "GetDeviceInformation");
	}

	private static HttpRequest request(String path, String operation, Optional<Credential> credential) {
		String envelope = envelope(operation, credential.map(OnvifClient::usernameToken).orElse(""));
		return new HttpRequest("POST", path,
				List.of("Content-Type: application/soap+xml; charset=utf-8; action=\"http://www.onvif.org/ver10/device/wsdl/"
						+ operation + "\""),
				envelope.getBytes(StandardCharsets.UTF_8));
	}

	private static Outcome outcome(Reply reply, String operation) {
		if (!(reply instanceof Reply.Message m)) {
			return new Outcome.Unavailable(reply instanceof Reply.NoAnswer n ? n.why() : "not HTTP");
		}
		SoapText body = new SoapText(new String(m.body(), StandardCharsets.UTF_8));
		if (m.status() == 401 || m.status() == 403 || (body.isFault() && isAuthFault(body))) {
			return new Outcome.NotAuthorized("HTTP " + m.status() + (body.isFault() ? " SOAP Fault NotAuthorized" : ""));
		}
		if (m.status() == 200 && body.hasElement(operation + "Response")) {
			return new Outcome.Answered(body);
		}
		return new Outcome.Unavailable("HTTP " + m.status());
	}

	private static boolean isAuthFault(SoapText body) {
		String xml = body.xml();
		return xml.contains("NotAuthorized") || xml.contains("FailedAuthentication") || xml.contains("Sender not Authorized");
	}

	private static String envelope(String operation, String security) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
				+ " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
				+ "<s:Header>" + security + "</s:Header>"
				+ "<s:Body><tds:" + operation + "/></s:Body></s:Envelope>";
	}

	/** WS-Security UsernameToken with PasswordDigest = Base64(SHA-1(nonce + created + password)). */
	static String usernameToken(Credential credential) {
		byte[] nonce = new byte[16];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
		String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String digest = passwordDigest(nonce, created, credential.password());
		return "<wsse:Security s:mustUnderstand=\"1\""
				+ " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
				+ " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
				+ "<wsse:UsernameToken><wsse:Username>" + xmlEscape(credential.username()) + "</wsse:Username>"
				+ "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
				+ digest + "</wsse:Password>"
				+ "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
				+ Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
				+ "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
	}

	static String passwordDigest(byte[] nonce, String created, String password) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(nonce);
			sha1.update(created.getBytes(StandardCharsets.UTF_8));
			sha1.update(password.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha1.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String xmlEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
