package vn.camguard.lab.device;

import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/**
 * The unbranded OEM camera's web UI (PROFILES.md §8a): the whole UI behind HTTP Digest, as small embedded web
 * servers of such cameras keep it; nothing names the maker before a login.
 */
final class WhiteLabelWeb {

	private WhiteLabelWeb() {
	}

	static Response answer(Request request, Device device) {
		return switch (request.path()) {
			case "/", "/index.html" -> device.guarded(request, null, () -> Response.ok("text/html", """
					<html><head><title>IP Camera</title></head><body><div id="live"></div></body></html>
					"""));
			case "/snapshot.jpg" -> device.guarded(request, null, Snapshot::response);
			default -> Response.notFound();
		};
	}

}
