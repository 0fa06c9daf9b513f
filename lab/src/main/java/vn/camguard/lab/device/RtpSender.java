package vn.camguard.lab.device;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Sends H.264 access units as RTP (RFC 3550, payload type 96) in RFC 6184 packets, single NAL unit or FU-A
 * fragments, each packet framed for RTSP interleaved transport ({@code $}, channel, length: RFC 2326 10.12).
 */
final class RtpSender {

	static final int PAYLOAD_TYPE = 96;

	/** Largest RTP payload sent in one packet; a larger NAL unit goes out in FU-A fragments. */
	private static final int MAX_PAYLOAD = 1400;

	private static final int FU_A = 28;

	private final OutputStream out;

	private final int channel;

	private final int ssrc;

	private int sequence;

	RtpSender(OutputStream out, int channel, int ssrc, int firstSequence) {
		this.out = out;
		this.channel = channel;
		this.ssrc = ssrc;
		this.sequence = firstSequence & 0xffff;
	}

	/** Writes one access unit; the marker bit is set on its last packet. */
	void send(List<byte[]> accessUnit, int timestamp) throws IOException {
		for (int u = 0; u < accessUnit.size(); u++) {
			byte[] unit = accessUnit.get(u);
			boolean lastUnit = u == accessUnit.size() - 1;
			if (unit.length <= MAX_PAYLOAD) {
				packet(timestamp, lastUnit, unit, 0, unit.length, null);
				continue;
			}
			byte indicator = (byte) ((unit[0] & 0xe0) | FU_A);
			int type = unit[0] & 0x1f;
			for (int from = 1; from < unit.length; from += MAX_PAYLOAD - 2) {
				int to = Math.min(unit.length, from + MAX_PAYLOAD - 2);
				int header = type | (from == 1 ? 0x80 : 0) | (to == unit.length ? 0x40 : 0);
				packet(timestamp, lastUnit && to == unit.length, unit, from, to - from,
						new byte[] { indicator, (byte) header });
			}
		}
	}

	private void packet(int timestamp, boolean marker, byte[] payload, int from, int length, byte[] prefix)
			throws IOException {
		int rtpLength = 12 + (prefix == null ? 0 : prefix.length) + length;
		byte[] packet = new byte[4 + rtpLength];
		packet[0] = '$';
		packet[1] = (byte) channel;
		packet[2] = (byte) (rtpLength >> 8);
		packet[3] = (byte) rtpLength;
		packet[4] = (byte) 0x80;
		packet[5] = (byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE);
		packet[6] = (byte) (sequence >> 8);
		packet[7] = (byte) sequence;
		putInt(packet, 8, timestamp);
		putInt(packet, 12, ssrc);
		int at = 16;
		if (prefix != null) {
			System.arraycopy(prefix, 0, packet, at, prefix.length);
			at += prefix.length;
		}
		System.arraycopy(payload, from, packet, at, length);
		out.write(packet);
		sequence = (sequence + 1) & 0xffff;
	}

	int nextSequence() {
		return sequence;
	}

	private static void putInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

}
