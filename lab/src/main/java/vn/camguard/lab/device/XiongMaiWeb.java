package vn.camguard.lab.device;

import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** XiongMai-like "NETSurveillance WEB" UI (PROFILES.md §6); its ONVIF lives on port 8899. */
final class XiongMaiWeb {

	private XiongMaiWeb() {
	}

	static Response answer(Request request, Device device) {
		return switch (request.path()) {
			case "/" -> Response.status(302, "Found").with("Location", "/Login.htm");
			case "/Login.htm" -> Response.ok("text/html", """
					<html><head><title>NETSurveillance WEB</title>
					<script type="text/javascript">var g_channelNumber=1;</script>
					<script src="/js/login.js?version=%s"></script></head>
					<body><form method="post" action="/Login.htm"><input name="username"/><input name="password" type="password"/></form></body></html>
					""".formatted(device.firmwareQueryValue()));
			case "/webcapture.jpg" -> snapshot(request, device);
			default -> Response.notFound();
		};
	}

	/** Credentials come as query parameters (as real XM firmware takes them) or HTTP Basic. */
	private static Response snapshot(Request request, Device device) {
		var user = request.queryParam("user");
		var password = request.queryParam("password");
		if (user.isPresent() || password.isPresent()) {
			return device.web().matches(user.orElse(""), password.orElse("")) ? Snapshot.response()
					: device.webChallenge();
		}
		return device.guarded(request, Weakness.SNAPSHOT_NO_AUTH, Snapshot::response);
	}

}
