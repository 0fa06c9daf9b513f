package vn.camguard.lab.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Lines are cut at LF wherever the reads that brought them in happened to end. */
class MessageInputTests {

	private static final long LATER = System.nanoTime() + 60_000_000_000L;

	@Test
	void linesSpanningReadsOfAnySizeComeOutWhole() throws IOException {
		String text = "GET / HTTP/1.1\r\nHost: x\r\n\r\nlast" + "a".repeat(5000) + "\n";
		for (int chunk : new int[] { 1, 2, 7, 4096, 100_000 }) {
			MessageInput in = new MessageInput(chunked(text, chunk));
			assertThat(in.readLine(8192, LATER)).isEqualTo("GET / HTTP/1.1");
			assertThat(in.readLine(8192, LATER)).isEqualTo("Host: x");
			assertThat(in.readLine(8192, LATER)).isEmpty();
			assertThat(in.readLine(8192, LATER)).isEqualTo("last" + "a".repeat(5000));
			assertThat(in.readLine(8192, LATER)).isNull();
		}
	}

	@Test
	void aLineIsBoundedInLengthAndTimeAndMustEnd() throws IOException {
		assertThat(new MessageInput(chunked("x".repeat(8) + "\n", 3)).readLine(8, LATER)).hasSize(8);
		assertThatThrownBy(() -> new MessageInput(chunked("x".repeat(9) + "\n", 3)).readLine(8, LATER))
				.isInstanceOf(MalformedMessageException.class);
		assertThatThrownBy(() -> new MessageInput(chunked("GET /\n", 3)).readLine(8, System.nanoTime() - 1))
				.isInstanceOf(MalformedMessageException.class);
		assertThatThrownBy(() -> new MessageInput(chunked("GET /", 2)).readLine(8, LATER))
				.isInstanceOf(MalformedMessageException.class);
		assertThatThrownBy(() -> new MessageInput(chunked("a\u0000b\n", 2)).readLine(8, LATER))
				.isInstanceOf(MalformedMessageException.class);
		MessageInput body = new MessageInput(chunked("h\r\nBODY", 2));
		assertThat(body.readLine(8, LATER)).isEqualTo("h");
		assertThat(new String(body.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("BODY");
	}

	/** A stream that hands out at most {@code chunk} bytes per read, like a slow network. */
	private static InputStream chunked(String text, int chunk) {
		return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return super.read(b, off, Math.min(len, chunk));
			}
		};
	}

}
