package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.camguard.lab.WireClient.rtsp;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streams play: FFmpeg's {@code ffprobe} (Debian package ffmpeg) reads H.264 frames over RTSP interleaved TCP from an
 * open stream, and from a protected one only with the account; SETUP and PLAY are refused without auth as DESCRIBE
 * is; 127.10.13.x. The ffprobe cases are skipped when ffprobe is missing.
 */
class StreamPlaybackTests {

	static final String OPEN = "127.10.13.1";

	static final String PROTECTED = "127.10.13.2";

	static final String PASSWORD = "StreamStrong123";

	static final ThirdPartyProgram FFPROBE = new ThirdPartyProgram("/usr/bin/ffprobe", "ffmpeg");

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(
				DeviceSpec.of("open", OPEN, Profile.HIKVISION_IPC, Set.of(Weakness.RTSP_NO_AUTH)),
				new DeviceSpec("protected", PROTECTED, Profile.DAHUA_IPC, Set.of(), null, PASSWORD)), 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void ffprobeReadsFramesOfAnOpenStream() throws Exception {
		String streams = probe("rtsp://" + OPEN + ":554/Streaming/Channels/101");
		assertThat(streams).contains("codec_name=h264").contains("width=64").contains("height=48");
		assertThat(framesRead(streams)).as(streams).isGreaterThanOrEqualTo(1);
	}

	@Test
	void ffprobeReadsAProtectedStreamOnlyWithTheAccount() throws Exception {
		String path = "/cam/realmonitor?channel=1&subtype=0";
		String streams = probe("rtsp://admin:" + PASSWORD + "@" + PROTECTED + ":554" + path);
		assertThat(streams).contains("codec_name=h264");
		assertThat(framesRead(streams)).as(streams).isGreaterThanOrEqualTo(1);
		String refused = probe("rtsp://" + PROTECTED + ":554" + path);
		assertThat(refused).doesNotContain("codec_name").contains("401");
	}

	@Test
	void setupAndPlayOfAProtectedStreamNeedAuth() throws Exception {
		String track = "rtsp://" + PROTECTED + ":554/cam/realmonitor?channel=1&subtype=0/trackID=1";
		assertThat(rtsp(PROTECTED, "SETUP", track, 1, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"))
				.startsWith("RTSP/1.0 401");
		assertThat(rtsp(PROTECTED, "PLAY", "rtsp://" + PROTECTED + ":554/cam/realmonitor?channel=1&subtype=0/", 2,
				"Session: 1")).startsWith("RTSP/1.0 401");
		String open = rtsp(OPEN, "SETUP", "rtsp://" + OPEN + ":554/Streaming/Channels/101/trackID=1", 3,
				"Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
		assertThat(open).startsWith("RTSP/1.0 200").contains("Transport: RTP/AVP/TCP;unicast;interleaved=0-1")
				.contains("Session: ");
		assertThat(rtsp(OPEN, "SETUP", "rtsp://" + OPEN + ":554/Streaming/Channels/101/trackID=1", 4,
				"Transport: RTP/AVP;unicast;client_port=5000-5001")).startsWith("RTSP/1.0 461");
		assertThat(rtsp(OPEN, "PLAY", "rtsp://" + OPEN + ":554/Streaming/Channels/101/", 5, "Session: 1"))
				.startsWith("RTSP/1.0 454");
		assertThat(rtsp(OPEN, "DESCRIBE", "rtsp://" + OPEN + ":554/Streaming/Channels/101", 6))
				.contains("a=fmtp:96 packetization-mode=1;profile-level-id=42C00A;sprop-parameter-sets=");
	}

	private static String probe(String url) throws Exception {
		return FFPROBE.require().run(30, "-rtsp_transport", "tcp", "-v", "error", "-show_streams", "-count_frames",
				"-read_intervals", "%+2", url);
	}

	private static int framesRead(String streams) {
		return streams.lines().filter(line -> line.startsWith("nb_read_frames="))
				.mapToInt(line -> Integer.parseInt(line.substring("nb_read_frames=".length()).trim())).findFirst()
				.orElse(0);
	}

}
