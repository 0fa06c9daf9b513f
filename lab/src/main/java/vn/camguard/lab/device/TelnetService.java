package vn.camguard.lab.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A telnet login prompt that checks the device account once and then hangs up. */
final class TelnetService {

	private static final int MAX_LINE = 128;

	private TelnetService() {
	}

	static void serve(Connection connection, Device device) throws IOException {
		OutputStream out = connection.out();
		InputStream in = connection.in();
		out.write(banner(device).getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String user = readLine(in);
		if (user == null) {
			return;
		}
		out.write("Password: ".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String password = readLine(in);
		if (password == null) {
			return;
		}
		boolean granted = device.web().matches(user, password);
		out.write((granted ? "\r\n# " : "\r\nLogin incorrect\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	static String banner(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "192.0.0.64 login: ";
			case XIONGMAI_IPC -> "(none) login: ";
			case AXIS_IPC -> "\r\nAXIS " + device.profile().model() + " TELNET\r\nlogin: ";
			case DAHUA_IPC, DAHUA_NVR, ONVIF_GENERIC, WHITELABEL_IPC -> "\r\nlogin: ";
		};
	}

	/** A line without telnet option negotiation bytes, or null when the peer went away. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int skip = 0;
		while (line.size() < MAX_LINE) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			if (skip > 0) {
				skip--;
				continue;
			}
			if (b == 255) {
				skip = 2;
				continue;
			}
			if (b == '\n') {
				break;
			}
			if (b != '\r' && b != 0) {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

}
