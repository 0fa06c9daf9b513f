package vn.camguard.lab.device;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.camguard.lab.Behaviour;
import vn.camguard.lab.Profile;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Header;
import vn.camguard.lab.http.MalformedMessageException;
import vn.camguard.lab.http.MessageInput;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** RTSP/1.0 OPTIONS and DESCRIBE (with SDP) with Basic/Digest auth; read-only, so no SETUP/PLAY. */
final class RtspService {

	private static final int MAX_REQUESTS = 20;

	private RtspService() {
	}

	static void serve(Connection connection, Device device) throws IOException {
		connection.converse((in, out) -> serve(in, out, device));
	}

	private static void serve(MessageInput in, OutputStream out, Device device) throws IOException {
		for (int i = 0; i < MAX_REQUESTS; i++) {
			Optional<Request> read;
			try {
				read = Request.read(in);
			}
			catch (MalformedMessageException e) {
				Response.status(400, "Bad Request").write(out, "RTSP/1.0", false);
				return;
			}
			if (read.isEmpty()) {
				return;
			}
			device.sockets().pause();
			Request request = read.get();
			Response response = answer(request, device);
			List<Header> first = new ArrayList<>();
			first.add(new Header("CSeq", request.header("CSeq").orElse("0")));
			String server = server(device);
			if (server != null) {
				first.add(new Header("Server", server));
			}
			response.withFirst(first).write(out, "RTSP/1.0", false);
			if (device.behaves(Behaviour.NO_PIPELINING)) {
				return;
			}
		}
	}

	static Response answer(Request request, Device device) {
		return switch (request.method()) {
			case "OPTIONS" -> Response.status(200, "OK").with("Public", publicMethods(device));
			case "DESCRIBE" -> describe(request, device);
			default -> Response.status(405, "Method Not Allowed").with("Allow", "OPTIONS, DESCRIBE");
		};
	}

	static String mainStreamUrl(Device device) {
		return "rtsp://" + device.address() + ":554" + streamPaths(device).getFirst();
	}

	private static Response describe(Request request, Device device) {
		String path = request.pathAndQuery();
		boolean credentialsInPath = false;
		if (device.profile() == Profile.XIONGMAI_IPC && path.startsWith("/user=")) {
			String expected = "/user=" + device.profile().adminUser() + "_password=" + device.spec().password()
					+ "_channel=1_stream=0.sdp";
			if (!path.startsWith(expected)) {
				return challenge(device);
			}
			credentialsInPath = true;
		}
		else if (!streamPaths(device).contains(path)) {
			return Response.notFound();
		}
		AccountCheck.Verdict verdict = device.rtsp().check(request);
		if (verdict == AccountCheck.Verdict.LOCKED) {
			return Device.locked();
		}
		boolean open = credentialsInPath && verdict != AccountCheck.Verdict.REFUSED
				|| verdict == AccountCheck.Verdict.GRANTED
				|| verdict == AccountCheck.Verdict.ANONYMOUS && device.has(Weakness.RTSP_NO_AUTH);
		if (!open) {
			return challenge(device);
		}
		String url = "rtsp://" + device.address() + ":554" + path;
		String sdp = "v=0\r\no=- 1700000000 1 IN IP4 " + device.address() + "\r\ns=" + sessionName(device)
				+ "\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\n"
				+ "a=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\na=control:trackID=1\r\n";
		return Response.ok("application/sdp", sdp).with("Content-Base", url + "/");
	}

	private static Response challenge(Device device) {
		Response challenge = Response.status(401, "Unauthorized");
		if (device.profile() == Profile.HIKVISION_IPC) {
			return challenge.with("WWW-Authenticate", "Digest realm=\"" + device.rtsp().realm() + "\", nonce=\""
					+ device.rtsp().nonce() + "\", stale=\"FALSE\"")
					.with("WWW-Authenticate", device.rtsp().basicChallenge("/"));
		}
		return challenge.with("WWW-Authenticate", device.rtsp().digestChallenge());
	}

	static List<String> streamPaths(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> List.of("/Streaming/Channels/101", "/Streaming/Channels/102",
					"/h264/ch1/main/av_stream");
			case DAHUA_IPC -> List.of("/cam/realmonitor?channel=1&subtype=0", "/cam/realmonitor?channel=1&subtype=1");
			case DAHUA_NVR -> {
				List<String> paths = new ArrayList<>();
				for (int channel = 1; channel <= 8; channel++) {
					paths.add("/cam/realmonitor?channel=" + channel + "&subtype=0");
					paths.add("/cam/realmonitor?channel=" + channel + "&subtype=1");
				}
				yield List.copyOf(paths);
			}
			case XIONGMAI_IPC -> List.of("/live/ch00_0");
			case AXIS_IPC -> List.of("/axis-media/media.amp");
			case ONVIF_GENERIC -> List.of("/live1.sdp");
		};
	}

	private static String publicMethods(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER";
			case DAHUA_IPC, DAHUA_NVR, XIONGMAI_IPC ->
				"OPTIONS, DESCRIBE, SETUP, TEARDOWN, GET_PARAMETER, SET_PARAMETER, PLAY, PAUSE";
			case AXIS_IPC -> "DESCRIBE, GET_PARAMETER, PAUSE, PLAY, SETUP, SET_PARAMETER, TEARDOWN";
			case ONVIF_GENERIC -> "OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE";
		};
	}

	private static String server(Device device) {
		return switch (device.profile()) {
			case DAHUA_IPC, DAHUA_NVR -> "Dahua Rtsp Server";
			case XIONGMAI_IPC -> "H264DVR 1.0";
			case HIKVISION_IPC, AXIS_IPC, ONVIF_GENERIC -> null;
		};
	}

	private static String sessionName(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "Media Presentation";
			case DAHUA_IPC, DAHUA_NVR -> "Media Server";
			case XIONGMAI_IPC -> "H264DVR";
			case AXIS_IPC -> "Session streamed with GStreamer";
			case ONVIF_GENERIC -> "Network Camera";
		};
	}

}
