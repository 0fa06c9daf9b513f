package vn.camguard.lab.device;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import vn.camguard.lab.http.AnswerOutput;
import vn.camguard.lab.http.MessageInput;
import vn.camguard.lab.tls.Channel;

/**
 * One accepted connection as a service sees it: the bytes in and out (deciphered on HTTPS) and the socket,
 * for timeouts. Closing ends it (with close_notify on HTTPS).
 */
public record Connection(Socket socket, InputStream in, OutputStream out) implements Closeable {

	static Connection plain(Socket socket, InputStream in) throws IOException {
		return new Connection(socket, in, socket.getOutputStream());
	}

	static Connection secured(Channel channel) {
		return new Connection(channel.socket(), channel.in(), channel.out());
	}

	/** The requests and answers of an HTTP or RTSP connection, from its buffered input to its answer output. */
	interface Conversation {

		void run(MessageInput in, OutputStream out) throws IOException;

	}

	/**
	 * Runs {@code conversation} with the requests read through a buffer and the answers held while further
	 * (pipelined) requests wait; whatever is held leaves when the conversation ends, however it ends.
	 */
	void converse(Conversation conversation) throws IOException {
		MessageInput requests = new MessageInput(in);
		AnswerOutput answers = new AnswerOutput(out, requests);
		try {
			conversation.run(requests, answers);
		}
		finally {
			answers.send();
		}
	}

	@Override
	public void close() throws IOException {
		try {
			out.close();
		}
		finally {
			socket.close();
		}
	}

}
