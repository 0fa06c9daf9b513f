package vn.camguard.lab.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The buffered input of one HTTP or RTSP connection. Message lines are scanned straight in the buffer: read
 * byte by byte through the stream, a request's head cost a lock per byte.
 */
public final class MessageInput extends BufferedInputStream {

	private static final int BUFFER = 4096;

	public MessageInput(InputStream in) {
		super(in, BUFFER);
	}

	/** Whether bytes of a further message (a pipelined request) are already read and waiting. */
	public synchronized boolean hasBuffered() {
		return pos < count;
	}

	/**
	 * One line ending in LF (CR stripped), or null at end of stream before any byte. A line longer than
	 * {@code maxLine}, or any of its bytes read after {@code deadline} ({@link System#nanoTime()}), is refused.
	 */
	synchronized String readLine(int maxLine, long deadline) throws IOException {
		byte[] line = new byte[128];
		int size = 0;
		long now = System.nanoTime();
		while (true) {
			if (pos >= count) {
				int b = super.read();
				if (b < 0) {
					if (size == 0) {
						return null;
					}
					throw new MalformedMessageException("connection closed inside a line");
				}
				// read() took the first byte of the fill: put it back, the scan below takes it
				pos--;
				now = System.nanoTime();
			}
			int end = pos;
			while (end < count && buf[end] != '\n') {
				end++;
			}
			int length = end - pos;
			if (length > 0) {
				if (size + length > maxLine || now - deadline > 0) {
					throw new MalformedMessageException("line too long or too slow");
				}
				if (size + length > line.length) {
					line = Arrays.copyOf(line, Math.max(size + length, Math.min(maxLine, line.length * 2)));
				}
				System.arraycopy(buf, pos, line, size, length);
				size += length;
				pos = end;
			}
			if (end < count) {
				pos = end + 1;
				return text(line, size);
			}
		}
	}

	private static String text(byte[] line, int size) throws MalformedMessageException {
		int end = size > 0 && line[size - 1] == '\r' ? size - 1 : size;
		for (int i = 0; i < end; i++) {
			// control characters inside a line could smuggle headers into answers that echo the target
			if ((line[i] >= 0 && line[i] < 0x20 && line[i] != '\t') || line[i] == 0x7f) {
				throw new MalformedMessageException("control character in a line");
			}
		}
		return new String(line, 0, end, StandardCharsets.ISO_8859_1);
	}

}
