package vn.camguard.lab.device;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.camguard.lab.Behaviour;
import vn.camguard.lab.Profile;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.AnswerOutput;
import vn.camguard.lab.http.Header;
import vn.camguard.lab.http.MalformedMessageException;
import vn.camguard.lab.http.MessageInput;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/**
 * RTSP/1.0 OPTIONS and DESCRIBE (with SDP) with Basic/Digest auth, and SETUP and PLAY over interleaved TCP:
 * a stream the caller may see plays the lab's looping clip as RTP, for a bounded time. SETUP and PLAY are
 * checked as DESCRIBE is, so a protected stream plays only after auth.
 */
final class RtspService {

	private static final int MAX_REQUESTS = 20;

	/** How long a PLAY streams at most before the device closes the connection (lab value). */
	private static final int MAX_PLAY_SECONDS = 60;

	private static final String TRACK = "trackID=1";

	private RtspService() {
	}

	static void serve(Connection connection, Device device) throws IOException {
		connection.converse((in, out) -> serve(in, out, device));
	}

	private static void serve(MessageInput in, OutputStream out, Device device) throws IOException {
		Playback playback = null;
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
			Request request = read.get();
			Response response;
			boolean play = false;
			switch (request.method()) {
				case "SETUP" -> {
					Response refusal = refusal(request, device);
					if (refusal != null) {
						response = refusal;
					}
					else {
						Optional<String> interleaved = interleavedChannels(request);
						if (interleaved.isEmpty()) {
							response = Response.status(461, "Unsupported Transport");
						}
						else {
							if (playback == null) {
								playback = Playback.start();
							}
							response = Response.status(200, "OK")
									.with("Transport", "RTP/AVP/TCP;unicast;interleaved=" + interleaved.get()
											+ ";ssrc=" + String.format("%08X", playback.ssrc))
									.with("Session", playback.session + ";timeout=60");
							playback.channel = Integer.parseInt(interleaved.get().split("-")[0]);
						}
					}
				}
				case "PLAY" -> {
					Response refusal = refusal(request, device);
					if (refusal != null) {
						response = refusal;
					}
					else if (playback == null || !request.header("Session").orElse("").startsWith(playback.session)) {
						response = Response.status(454, "Session Not Found");
					}
					else {
						String url = device.rtspOrigin() + streamPath(request.pathAndQuery());
						response = Response.status(200, "OK").with("Session", playback.session)
								.with("Range", "npt=0.000-").with("RTP-Info", "url=" + url + "/" + TRACK + ";seq="
										+ playback.firstSequence + ";rtptime=" + playback.firstTimestamp);
						play = true;
					}
				}
				case "TEARDOWN" -> response = playback == null ? Response.status(454, "Session Not Found")
						: Response.status(200, "OK");
				default -> response = answer(request, device);
			}
			List<Header> first = new ArrayList<>();
			first.add(new Header("CSeq", request.header("CSeq").orElse("0")));
			String server = server(device);
			if (server != null) {
				first.add(new Header("Server", server));
			}
			response.withFirst(first).write(out, "RTSP/1.0", false);
			if (play) {
				stream(out, playback);
				return;
			}
			if (device.behaves(Behaviour.NO_PIPELINING)) {
				return;
			}
		}
	}

	static Response answer(Request request, Device device) {
		return switch (request.method()) {
			case "OPTIONS" -> Response.status(200, "OK").with("Public", publicMethods(device));
			case "DESCRIBE" -> describe(request, device);
			default -> Response.status(405, "Method Not Allowed").with("Allow", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN");
		};
	}

	static String mainStreamUrl(Device device) {
		return device.rtspOrigin() + streamPaths(device).getFirst();
	}

	private static Response describe(Request request, Device device) {
		Response refusal = refusal(request, device);
		if (refusal != null) {
			return refusal;
		}
		String path = request.pathAndQuery();
		String url = device.rtspOrigin() + path;
		String sdp = "v=0\r\no=- 1700000000 1 IN IP4 " + device.address() + "\r\ns=" + sessionName(device)
				+ "\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\n"
				+ "a=rtpmap:96 H264/90000\r\na=fmtp:96 " + StreamClip.clip().fmtp() + "\r\na=control:" + TRACK + "\r\n";
		return Response.ok("application/sdp", sdp).with("Content-Base", url + "/");
	}

	/**
	 * Why a DESCRIBE, SETUP or PLAY of this request's stream is refused (404, 401 challenge or 403 locked), or
	 * null when the caller may see the stream: with the account, by the path's own credentials (XiongMai), or
	 * anonymously on RTSP_NO_AUTH. SETUP and PLAY name the stream with the track or a trailing slash after it.
	 */
	private static Response refusal(Request request, Device device) {
		String path = request.method().equals("DESCRIBE") ? request.pathAndQuery() : streamPath(request.pathAndQuery());
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
		return open ? null : challenge(device);
	}

	/** The stream path of a SETUP or PLAY target: without {@code /trackID=1} or the trailing slash. */
	private static String streamPath(String pathAndQuery) {
		if (pathAndQuery.endsWith("/" + TRACK)) {
			return pathAndQuery.substring(0, pathAndQuery.length() - TRACK.length() - 1);
		}
		if (pathAndQuery.endsWith("/") && pathAndQuery.length() > 1) {
			return pathAndQuery.substring(0, pathAndQuery.length() - 1);
		}
		return pathAndQuery;
	}

	/** The client's interleaved channel pair ("0-1" when it names none) if it asks for RTP over the RTSP connection. */
	private static Optional<String> interleavedChannels(Request request) {
		String transport = request.header("Transport").orElse("");
		for (String option : transport.split(",")) {
			List<String> parts = List.of(option.trim().split(";"));
			if (!parts.getFirst().trim().equalsIgnoreCase("RTP/AVP/TCP")) {
				continue;
			}
			for (String part : parts) {
				String trimmed = part.trim();
				if (trimmed.startsWith("interleaved=") && trimmed.matches("interleaved=\\d{1,3}-\\d{1,3}")) {
					String channels = trimmed.substring("interleaved=".length());
					return Integer.parseInt(channels.split("-")[0]) < 255 ? Optional.of(channels) : Optional.empty();
				}
			}
			return Optional.of("0-1");
		}
		return Optional.empty();
	}

	/**
	 * Plays the clip in a loop at its frame rate over the connection, until the client goes (a write fails) or
	 * {@value #MAX_PLAY_SECONDS} s have passed.
	 */
	private static void stream(OutputStream out, Playback playback) throws IOException {
		StreamClip clip = StreamClip.clip();
		RtpSender sender = new RtpSender(out, playback.channel, playback.ssrc, playback.firstSequence);
		int frameTicks = 90_000 / StreamClip.FRAME_RATE;
		for (int frame = 0; frame < MAX_PLAY_SECONDS * StreamClip.FRAME_RATE; frame++) {
			sender.send(clip.frame(frame), playback.firstTimestamp + frame * frameTicks);
			if (out instanceof AnswerOutput answers) {
				answers.send();
			}
			else {
				out.flush();
			}
			LabSockets.sleep(1000 / StreamClip.FRAME_RATE);
		}
	}

	/** What SETUP settled on one connection, for its PLAY; nothing outlives the connection. */
	private static final class Playback {

		final String session;

		final int ssrc;

		final int firstSequence;

		final int firstTimestamp;

		int channel;

		private Playback(String session, int ssrc, int firstSequence, int firstTimestamp) {
			this.session = session;
			this.ssrc = ssrc;
			this.firstSequence = firstSequence;
			this.firstTimestamp = firstTimestamp;
		}

		static Playback start() {
			java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
			return new Playback(String.format("%016X", random.nextLong()), random.nextInt(),
					random.nextInt(0x10000), random.nextInt() & 0x7fffffff);
		}

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
			case WHITELABEL_IPC -> List.of("/av0_0", "/av0_1");
		};
	}

	private static String publicMethods(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER";
			case DAHUA_IPC, DAHUA_NVR, XIONGMAI_IPC ->
				"OPTIONS, DESCRIBE, SETUP, TEARDOWN, GET_PARAMETER, SET_PARAMETER, PLAY, PAUSE";
			case AXIS_IPC -> "DESCRIBE, GET_PARAMETER, PAUSE, PLAY, SETUP, SET_PARAMETER, TEARDOWN";
			case ONVIF_GENERIC, WHITELABEL_IPC -> "OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE";
		};
	}

	private static String server(Device device) {
		return switch (device.profile()) {
			case DAHUA_IPC, DAHUA_NVR -> "Dahua Rtsp Server";
			case XIONGMAI_IPC -> "H264DVR 1.0";
			case HIKVISION_IPC, AXIS_IPC, ONVIF_GENERIC, WHITELABEL_IPC -> null;
		};
	}

	private static String sessionName(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "Media Presentation";
			case DAHUA_IPC, DAHUA_NVR -> "Media Server";
			case XIONGMAI_IPC -> "H264DVR";
			case AXIS_IPC -> "Session streamed with GStreamer";
			case ONVIF_GENERIC -> "Network Camera";
			case WHITELABEL_IPC -> "Stream";
		};
	}

}
