package vn.camguard.lab.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The answer side of a connection whose client may pipeline requests: a flush holds the answer back while
 * the next request already waits in {@code input}, so a batch of requests gets its answers in one write, as
 * servers that support pipelining do (one segment, one wake-up of the client, instead of one per answer).
 * {@link #send()} writes out whatever is held, whatever waits.
 */
public final class AnswerOutput extends BufferedOutputStream {

	private final MessageInput input;

	public AnswerOutput(OutputStream out, MessageInput input) {
		super(out, 16 * 1024);
		this.input = input;
	}

	@Override
	public synchronized void flush() throws IOException {
		if (!input.hasBuffered()) {
			send();
		}
	}

	public synchronized void send() throws IOException {
		super.flush();
	}

}
