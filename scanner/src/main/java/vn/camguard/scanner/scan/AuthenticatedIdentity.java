package vn.camguard.scanner.scan;

import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.check.DeviceClients;
import vn.camguard.scanner.check.DeviceObservations;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.onvif.SoapText;
import vn.camguard.scanner.wire.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model and firmware read with a credential the login check found, for devices that tell strangers neither:
 * read-only requests only, the family's own device-information API first (Hikvision ISAPI deviceInfo, Dahua
 * magicBox getSoftwareVersion and getDeviceType, as shared/domain/scanner/fingerprints.md describes them), else
 * ONVIF GetDeviceInformation with a UsernameToken.
 */
final class AuthenticatedIdentity {

	private static final Pattern KEY_VALUE = Pattern.compile("(?m)^\\s*(\\w+)=([^\\r\\n]{1,200})");

	/** What was read, and the request that told it (for the evidence); {@code mac} as the device wrote it, or empty. */
	record Read(OnvifClient.DeviceInformation information, String source, String mac) {
	}

	private static final String DEVICE_INFO = "/ISAPI/System/deviceInfo";

	private static final String SYSTEM_INFO = "/cgi-bin/magicBox.cgi?action=getSystemInfo";

	private AuthenticatedIdentity() {
	}

	static Optional<Read> read(DeviceObservations device, DeviceClients clients, Credential credential) {
		String vendor = device.family().map(f -> f.vendor()).orElse("");
		Optional<HttpProbe.Endpoint> web = device.web().filter(w -> !device.unresponsive().contains(w.port()));
		if (web.isPresent() && vendor.equals("Hikvision")) {
			Optional<String> xml = get(clients, web.get(), DEVICE_INFO, credential);
			if (xml.isPresent()) {
				SoapText info = new SoapText(xml.get());
				String version = info.first("firmwareVersion").orElse("");
				String build = info.first("firmwareReleasedDate").orElse("");
				// The web page's script parameter spells the same firmware "V5.4.0 build 160530".
				String firmware = build.toLowerCase(java.util.Locale.ROOT).startsWith("build") ? version + " " + build
						: version;
				if (!version.isEmpty()) {
					return Optional.of(new Read(new OnvifClient.DeviceInformation("Hikvision",
							info.first("model").orElse(""), firmware, info.first("serialNumber").orElse(""), ""),
							"GET /ISAPI/System/deviceInfo with the found credential", info.first("macAddress").orElse("")));
				}
			}
		}
		if (web.isPresent() && vendor.equals("Dahua")) {
			Optional<String> software = get(clients, web.get(), "/cgi-bin/magicBox.cgi?action=getSoftwareVersion",
					credential).flatMap(text -> value(text, "version"));
			if (software.isPresent()) {
				String model = get(clients, web.get(), "/cgi-bin/magicBox.cgi?action=getDeviceType", credential)
						.flatMap(text -> value(text, "type")).orElse("");
				return Optional.of(new Read(new OnvifClient.DeviceInformation("Dahua", model, software.get(), "", ""),
						"GET /cgi-bin/magicBox.cgi?action=getSoftwareVersion with the found credential", ""));
			}
		}
		if (device.onvif().isPresent()) {
			DeviceObservations.OnvifEndpoint onvif = device.onvif().get();
			OnvifClient.Outcome outcome = clients.onvifClient().getDeviceInformation(onvif.endpoint(), onvif.path(),
					Optional.of(credential));
			if (outcome instanceof OnvifClient.Outcome.Answered answered) {
				return Optional.of(new Read(OnvifClient.deviceInformation(answered.body()),
						"ONVIF GetDeviceInformation with the found credential", ""));
			}
		}
		return Optional.empty();
	}

	/**
	 * Serial number and MAC where {@code told} still lacks them, read with the found credential from the places
	 * the family keeps them: Hikvision ISAPI deviceInfo (serialNumber, macAddress), Dahua magicBox getSystemInfo
	 * (serialNumber), else ONVIF GetDeviceInformation (SerialNumber, unless it already answered without
	 * credentials) and GetNetworkInterfaces (HwAddress). Read-only requests with the one credential the login check
	 * found; nothing is guessed here.
	 */
	static void identifiers(DeviceObservations device, DeviceClients clients, Credential credential,
			IdentifiersTold told) {
		String vendor = device.family().map(f -> f.vendor()).orElse("");
		Optional<HttpProbe.Endpoint> web = device.web().filter(w -> !device.unresponsive().contains(w.port()));
		if (web.isPresent() && vendor.equals("Hikvision") && !told.complete()) {
			get(clients, web.get(), DEVICE_INFO, credential).map(SoapText::new).ifPresent(info -> {
				String source = "GET " + DEVICE_INFO + " with the found credential";
				told.serial(info.first("serialNumber").orElse(""), source);
				told.mac(info.first("macAddress").orElse(""), source);
			});
		}
		if (web.isPresent() && vendor.equals("Dahua") && told.serial().isEmpty()) {
			get(clients, web.get(), SYSTEM_INFO, credential).flatMap(text -> value(text, "serialNumber"))
				.ifPresent(serial -> told.serial(serial, "GET " + SYSTEM_INFO + " with the found credential"));
		}
		if (device.onvif().isEmpty() || device.unresponsive().contains(device.onvif().get().endpoint().port())) {
			return;
		}
		DeviceObservations.OnvifEndpoint onvif = device.onvif().get();
		boolean answeredAnonymously = device.onvifAnonymous().filter(OnvifClient.Outcome.Answered.class::isInstance)
			.isPresent();
		if (told.serial().isEmpty() && !answeredAnonymously) {
			if (clients.onvifClient().getDeviceInformation(onvif.endpoint(), onvif.path(),
					Optional.of(credential)) instanceof OnvifClient.Outcome.Answered answered) {
				told.serial(OnvifClient.deviceInformation(answered.body()).serialNumber(),
						"ONVIF GetDeviceInformation with the found credential");
			}
		}
		if (told.mac().isEmpty()) {
			if (clients.onvifClient().getNetworkInterfaces(onvif.endpoint(), onvif.path(),
					Optional.of(credential)) instanceof OnvifClient.Outcome.Answered answered) {
				told.mac(OnvifClient.hardwareAddress(answered.body()),
						"ONVIF GetNetworkInterfaces with the found credential");
			}
		}
	}

	private static Optional<String> get(DeviceClients clients, HttpProbe.Endpoint web, String path,
			Credential credential) {
		Reply reply = clients.http().sendWithCredential(web, HttpRequest.get(path), credential, Optional.empty());
		return reply instanceof Reply.Message m && m.status() == 200
				? Optional.of(new String(m.body(), StandardCharsets.UTF_8)) : Optional.empty();
	}

	private static Optional<String> value(String text, String key) {
		Matcher line = KEY_VALUE.matcher(text);
		while (line.find()) {
			if (line.group(1).equals(key)) {
				return Optional.of(line.group(2).strip());
			}
		}
		return Optional.empty();
	}

}
