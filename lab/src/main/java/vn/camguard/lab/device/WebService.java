package vn.camguard.lab.device;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

import vn.camguard.lab.Behaviour;
import vn.camguard.lab.Profile;
import vn.camguard.lab.http.MalformedMessageException;
import vn.camguard.lab.http.MessageInput;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/**
 * The HTTP server of a device: persistent HTTP/1.1 connections (at most {@value #MAX_REQUESTS_PER_CONNECTION}
 * requests each, idle ones dropped by the read timeout), answered by the vendor's web UI or by ONVIF.
 */
final class WebService {

	static final int MAX_REQUESTS_PER_CONNECTION = 20;

	/** What a web port offers. */
	enum Role {
		/** The vendor's web UI (plus ONVIF, except on XiongMai). */
		UI,
		/** Port 80 of a device that manages over HTTPS: everything is redirected. */
		REDIRECT,
		/** XiongMai's port 8899: ONVIF only. */
		ONVIF_ONLY
	}

	private WebService() {
	}

	static void serve(Connection connection, Device device, Role role) throws IOException {
		connection.converse((in, out) -> serve(in, out, device, role));
	}

	private static void serve(MessageInput in, OutputStream out, Device device, Role role) throws IOException {
		for (int served = 1; served <= MAX_REQUESTS_PER_CONNECTION; served++) {
			Optional<Request> read;
			try {
				read = Request.read(in);
			}
			catch (MalformedMessageException e) {
				write(out, device, Response.status(400, "Bad Request"), false, true);
				return;
			}
			if (read.isEmpty()) {
				return;
			}
			Request request = read.get();
			boolean keepAlive = served < MAX_REQUESTS_PER_CONNECTION && keepAlive(request)
					&& !device.behaves(Behaviour.NO_PIPELINING);
			write(out, device, answer(request, device, role), keepAlive, !request.method().equals("HEAD"));
			if (!keepAlive) {
				return;
			}
		}
	}

	/** HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 only when asked. */
	private static boolean keepAlive(Request request) {
		String connection = request.header("Connection").orElse("").toLowerCase(Locale.ROOT);
		if (request.version().equals("HTTP/1.1")) {
			return !connection.contains("close");
		}
		return connection.contains("keep-alive");
	}

	static Response answer(Request request, Device device, Role role) {
		String path = request.path();
		if (role == Role.REDIRECT) {
			return Response.status(301, "Moved Permanently")
					.with("Location", "https://" + device.address() + request.pathAndQuery());
		}
		boolean onvifPath = path.startsWith("/onvif/");
		if (role == Role.ONVIF_ONLY) {
			return onvifPath ? OnvifService.answer(request, device) : Response.notFound();
		}
		if (onvifPath && device.profile() != Profile.XIONGMAI_IPC) {
			return OnvifService.answer(request, device);
		}
		return switch (device.profile()) {
			case HIKVISION_IPC -> HikvisionWeb.answer(request, device);
			case DAHUA_IPC, DAHUA_NVR -> DahuaWeb.answer(request, device);
			case XIONGMAI_IPC -> XiongMaiWeb.answer(request, device);
			case AXIS_IPC -> AxisWeb.answer(request, device);
			case ONVIF_GENERIC -> DlinkWeb.answer(request, device);
			case WHITELABEL_IPC -> WhiteLabelWeb.answer(request, device);
		};
	}

	private static void write(OutputStream out, Device device, Response response, boolean keepAlive,
			boolean withBody) throws IOException {
		response.withFirst(device.webBanner()).with("Connection", keepAlive ? "keep-alive" : "close")
				.write(out, "HTTP/1.1", device.upperCaseHeaders(), withBody);
	}

}
