package vn.camguard.lab.device;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The vendors' proprietary ports (Hikvision 8000, Dahua 37777, XiongMai DVRIP 34567): after the client
 * speaks, or after one second of silence, one fixed answer, then hang up.
 */
final class BinaryPortService {

	private static final byte[] HIKVISION = { 0, 0, 0, 0x10, 0, 0, 0, 0x1e, 0, 0, 0, 0x1e, 0, 0, 0, 0 };

	private BinaryPortService() {
	}

	static void serve(Connection connection, Device device, int port) throws IOException {
		connection.socket().setSoTimeout(1_000);
		try {
			connection.in().read(new byte[256]);
		}
		catch (SocketTimeoutException silence) {
			// a silent client gets the answer too, as a banner
		}
		OutputStream out = connection.out();
		out.write(answer(port));
		out.flush();
	}

	static byte[] answer(int port) {
		return switch (port) {
			case 8000 -> HIKVISION.clone();
			case 37777 -> {
				byte[] dahua = new byte[32];
				dahua[0] = (byte) 0xf6;
				yield dahua;
			}
			case 34567 -> {
				byte[] json = "{ \"Name\" : \"\", \"Ret\" : 100, \"SessionID\" : \"0x00000000\" }"
						.getBytes(StandardCharsets.US_ASCII);
				ByteBuffer buffer = ByteBuffer.allocate(20 + json.length).order(ByteOrder.LITTLE_ENDIAN);
				buffer.put((byte) 0xff).put((byte) 0x01).put(new byte[12]).put((byte) 0xe9).put((byte) 0x03);
				buffer.putInt(json.length).put(json);
				yield buffer.array();
			}
			default -> new byte[0];
		};
	}

}
