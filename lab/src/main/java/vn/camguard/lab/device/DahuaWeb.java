package vn.camguard.lab.device;

import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** Dahua-like web UI and CGI, cameras and recorders (PROFILES.md §5). */
final class DahuaWeb {

	private static final String BOM = "\uFEFF";

	private DahuaWeb() {
	}

	static Response answer(Request request, Device device) {
		return switch (request.path()) {
			case "/", "/index.html" -> Response.ok("text/html", BOM + """
					<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
					<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
					<title>WEB SERVICE</title>
					<script type="text/javascript" src="/jsBase/lib/login.js?version=%s"></script>
					</head><body></body></html>
					""".formatted(device.firmwareQueryValue())).with("Cache-Control", "max-age=0");
			case "/cgi-bin/magicBox.cgi" -> device.guarded(request, null, () -> magicBox(request, device));
			case "/cgi-bin/snapshot.cgi" -> device.guarded(request, Weakness.SNAPSHOT_NO_AUTH, Snapshot::response);
			default -> Response.notFound();
		};
	}

	private static Response magicBox(Request request, Device device) {
		String model = device.profile().model();
		return switch (request.queryParam("action").orElse("")) {
			case "getSystemInfo" -> Response.ok("text/plain", "deviceType=" + model + "\r\nhardwareVersion=1.00\r\n"
					+ "serialNumber=" + device.apiSerial() + "\r\nupdateSerial=" + model + "\r\n");
			case "getSerialNo" -> Response.ok("text/plain", "sn=" + device.apiSerial() + "\r\n");
			case "getSoftwareVersion" -> Response.ok("text/plain", "version=" + device.firmware() + "\r\n");
			case "getDeviceType" -> Response.ok("text/plain", "type=" + model + "\r\n");
			default -> Response.status(400, "Bad Request").withBody("text/plain", "Error\r\nBad Request!\r\n");
		};
	}

}
