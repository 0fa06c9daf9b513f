package vn.camguard.lab.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The looping H.264 clip every open stream of the lab plays: 20 frames of 64x48 at 10 fps, Constrained
 * Baseline, one IDR frame first (PROFILES.md says how it was made). Read once from its Annex B byte stream,
 * as the access units an RTP sender sends one after another.
 */
final class StreamClip {

	static final int WIDTH = 64;

	static final int HEIGHT = 48;

	static final int FRAME_RATE = 10;

	private static final int NAL_SEI = 6;

	private static final int NAL_SPS = 7;

	private static final int NAL_PPS = 8;

	private static final StreamClip CLIP = load();

	/** Each frame's NAL units (without start codes), parameter sets included before the IDR frame. */
	private final List<List<byte[]>> frames;

	private final byte[] sps;

	private final byte[] pps;

	private StreamClip(List<List<byte[]>> frames, byte[] sps, byte[] pps) {
		this.frames = frames;
		this.sps = sps;
		this.pps = pps;
	}

	static StreamClip clip() {
		return CLIP;
	}

	int frameCount() {
		return frames.size();
	}

	List<byte[]> frame(int index) {
		return frames.get(index % frames.size());
	}

	/** The SDP {@code fmtp} parameters of RFC 6184 for this clip: mode 1, profile-level-id, parameter sets. */
	String fmtp() {
		Base64.Encoder base64 = Base64.getEncoder();
		return "packetization-mode=1;profile-level-id=" + String.format("%02X%02X%02X", sps[1], sps[2], sps[3])
				+ ";sprop-parameter-sets=" + base64.encodeToString(sps) + "," + base64.encodeToString(pps);
	}

	private static StreamClip load() {
		byte[] stream;
		try (InputStream in = StreamClip.class.getResourceAsStream("stream-clip.h264")) {
			if (in == null) {
				throw new IllegalStateException("stream-clip.h264 is missing from the lab's resources");
			}
			stream = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<List<byte[]>> frames = new ArrayList<>();
		List<byte[]> frame = new ArrayList<>();
		byte[] sps = null;
		byte[] pps = null;
		for (byte[] unit : nalUnits(stream)) {
			int type = unit[0] & 0x1f;
			if (type == NAL_SEI) {
				// x264's own banner: no decoder needs it
				continue;
			}
			if (type == NAL_SPS) {
				sps = unit;
			}
			else if (type == NAL_PPS) {
				pps = unit;
			}
			frame.add(unit);
			if (type == 1 || type == 5) {
				// one slice per frame: a coded slice ends its access unit
				frames.add(List.copyOf(frame));
				frame = new ArrayList<>();
			}
		}
		if (sps == null || pps == null || frames.isEmpty()) {
			throw new IllegalStateException("stream-clip.h264 lacks parameter sets or frames");
		}
		return new StreamClip(List.copyOf(frames), sps, pps);
	}

	/** The NAL units of the clip's Annex B stream, split at its 3- and 4-byte start codes. */
	private static List<byte[]> nalUnits(byte[] stream) {
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i + 2 < stream.length; i++) {
			if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
				starts.add(i + 3);
				i += 2;
			}
		}
		List<byte[]> units = new ArrayList<>();
		for (int k = 0; k < starts.size(); k++) {
			int from = starts.get(k);
			int to = k + 1 < starts.size() ? starts.get(k + 1) - 3 : stream.length;
			while (to > from && stream[to - 1] == 0) {
				// the leading zero of the next 4-byte start code
				to--;
			}
			byte[] unit = new byte[to - from];
			System.arraycopy(stream, from, unit, 0, unit.length);
			units.add(unit);
		}
		return units;
	}

}
