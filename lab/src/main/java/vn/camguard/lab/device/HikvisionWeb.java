package vn.camguard.lab.device;

import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** Hikvision-like web UI and ISAPI (PROFILES.md §4). */
final class HikvisionWeb {

	private HikvisionWeb() {
	}

	static Response answer(Request request, Device device) {
		return switch (request.path()) {
			case "/" -> Response.status(302, "Found").with("Location", "/doc/page/login.asp");
			case "/doc/page/login.asp" -> Response.ok("text/html", """
					<!DOCTYPE html>
					<html><head><meta charset="utf-8"><title>Hikvision Digital Technology - Login</title>
					<script type="text/javascript" src="../script/login.js?version=%s"></script></head>
					<body><div id="login">Hikvision Digital Technology Co., Ltd.</div></body></html>
					""".formatted(device.firmwareQueryValue())).with("X-Frame-Options", "SAMEORIGIN");
			case "/ISAPI/Security/userCheck" -> device.guarded(request, null, () -> Response.ok("application/xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<userCheck><statusValue>200</statusValue><statusString>OK</statusString></userCheck>
					"""));
			case "/ISAPI/System/deviceInfo" -> device.guarded(request, null, () -> deviceInfo(device));
			case "/system/deviceInfo" -> device.has(Weakness.KNOWN_CVE)
					&& request.queryParam("auth").isPresent() ? deviceInfo(device) : device.guarded(request, null,
							() -> deviceInfo(device));
			case "/ISAPI/Streaming/channels/101/picture", "/ISAPI/Streaming/channels/102/picture" ->
				device.guarded(request, Weakness.SNAPSHOT_NO_AUTH, Snapshot::response);
			default -> Response.notFound();
		};
	}

	private static Response deviceInfo(Device device) {
		String firmware = device.firmware();
		int build = firmware.indexOf(" build ");
		return Response.ok("application/xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
				<deviceName>IP CAMERA</deviceName>
				<deviceID>%s</deviceID>
				<model>%s</model>
				<serialNumber>%s</serialNumber>
				<macAddress>%s</macAddress>
				<firmwareVersion>%s</firmwareVersion>
				<firmwareReleasedDate>%s</firmwareReleasedDate>
				<deviceType>IPCamera</deviceType>
				</DeviceInfo>
				""".formatted(device.spec().id(), device.profile().model(), Xml.escape(device.apiSerial()),
				Xml.escape(device.toldMac()),
				build < 0 ? firmware : firmware.substring(0, build),
				build < 0 ? "" : firmware.substring(build + 1)));
	}

}
