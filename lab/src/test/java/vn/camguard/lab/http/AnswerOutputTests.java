package vn.camguard.lab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Answers to pipelined requests leave in one write, once no further request waits; a lone one at once. */
class AnswerOutputTests {

	/** Records each write that reaches the socket. */
	static final class Writes extends OutputStream {

		final List<String> writes = new ArrayList<>();

		@Override
		public void write(int b) {
			writes.add(String.valueOf((char) b));
		}

		@Override
		public void write(byte[] b, int off, int len) {
			writes.add(new String(b, off, len, StandardCharsets.ISO_8859_1));
		}

	}

	@Test
	void answersWaitWhileMoreRequestsAreBuffered() throws IOException {
		String requests = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n";
		MessageInput in = new MessageInput(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1)));
		Writes socket = new Writes();
		AnswerOutput out = new AnswerOutput(socket, in);

		assertThat(Request.read(in)).isPresent();
		out.write("first\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		assertThat(socket.writes).as("the second request is already waiting").isEmpty();

		assertThat(Request.read(in)).isPresent();
		out.write("second\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		assertThat(socket.writes).containsExactly("first\nsecond\n");

		out.write("last\n".getBytes(StandardCharsets.ISO_8859_1));
		out.send();
		assertThat(socket.writes).containsExactly("first\nsecond\n", "last\n");
	}

}
