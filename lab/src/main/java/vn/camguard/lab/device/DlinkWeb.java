package vn.camguard.lab.device;

import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** The generic ONVIF camera's small web UI, D-Link-like (PROFILES.md §8). */
final class DlinkWeb {

	private DlinkWeb() {
	}

	static Response answer(Request request, Device device) {
		return switch (request.path()) {
			case "/" -> Response.ok("text/html", """
					<html><head><title>Network Camera</title><script src="/js/main.js?version=%s"></script></head>
					<body></body></html>
					""".formatted(device.firmwareQueryValue()));
			case "/image/jpeg.cgi" -> device.guarded(request, Weakness.SNAPSHOT_NO_AUTH, Snapshot::response);
			case "/config/getuser" -> device.has(Weakness.KNOWN_CVE) ? Response.ok("text/plain", "name="
					+ device.profile().adminUser() + "\npass=" + device.spec().password() + "\npriv=1\n")
					: device.guarded(request, null, () -> Response.ok("text/plain", "name="
							+ device.profile().adminUser() + "\npriv=1\n"));
			default -> Response.notFound();
		};
	}

}
