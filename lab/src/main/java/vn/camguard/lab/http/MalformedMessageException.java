package vn.camguard.lab.http;

import java.io.IOException;

/** A peer sent something that is not a well-formed, bounded HTTP/RTSP message. */
public class MalformedMessageException extends IOException {

	public MalformedMessageException(String message) {
		super(message);
	}

}
