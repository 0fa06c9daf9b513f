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

	/** What was read, and the request that told it (for the evidence). */
	record Read(OnvifClient.DeviceInformation information, String source) {
	}

	private AuthenticatedIdentity() {
	}

	static Optional<Read> read(DeviceObservations device, DeviceClients clients, Credential credential) {
		String vendor = device.family().map(f -> f.vendor()).orElse("");
		Optional<HttpProbe.Endpoint> web = device.web().filter(w -> !device.unresponsive().contains(w.port()));
		if (web.isPresent() && vendor.equals("Hikvision")) {
			Optional<String> xml = get(clients, web.get(), "/ISAPI/System/deviceInfo", credential);
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
							"GET /ISAPI/System/deviceInfo with the found credential"));
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
						"GET /cgi-bin/magicBox.cgi?action=getSoftwareVersion with the found credential"));
			}
		}
		if (device.onvif().isPresent()) {
			DeviceObservations.OnvifEndpoint onvif = device.onvif().get();
			OnvifClient.Outcome outcome = clients.onvifClient().getDeviceInformation(onvif.endpoint(), onvif.path(),
					Optional.of(credential));
			if (outcome instanceof OnvifClient.Outcome.Answered answered) {
				return Optional.of(new Read(OnvifClient.deviceInformation(answered.body()),
						"ONVIF GetDeviceInformation with the found credential"));
			}
		}
		return Optional.empty();
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
