package vn.camguard.lab.tls;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lean server's resumable TLS 1.2 sessions by session id: least recently used first out, at most
 * {@value #CAPACITY} (JSSE's default), each for {@value #LIFETIME_MILLIS} ms (JSSE's 24 h).
 */
final class SessionCache {

	static final int CAPACITY = 20_480;

	static final long LIFETIME_MILLIS = 24L * 60 * 60 * 1000;

	private final Map<String, Resumable> sessions = new LinkedHashMap<>(1024, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Resumable> eldest) {
			return size() > CAPACITY;
		}

	};

	/** What an abbreviated handshake needs of an earlier full one. */
	record Resumable(byte[] masterSecret, CipherSuite suite, boolean extendedMasterSecret, byte[] serverName,
			long createdMillis) {

		/** As JSSE: the same extended master secret and server name, and the session's suite still offered. */
		boolean fits(ClientHello hello) {
			return hello.extendedMasterSecret() == extendedMasterSecret
					&& Arrays.equals(hello.serverName(), serverName) && hello.offers(suite);
		}

	}

	synchronized void put(byte[] sessionId, Resumable session) {
		sessions.put(HexFormat.of().formatHex(sessionId), session);
	}

	/** The live session a hello may resume, or null. */
	synchronized Resumable find(ClientHello hello, long nowMillis) {
		if (hello.sessionId().length == 0) {
			return null;
		}
		String key = HexFormat.of().formatHex(hello.sessionId());
		Resumable session = sessions.get(key);
		if (session != null && nowMillis - session.createdMillis() > LIFETIME_MILLIS) {
			sessions.remove(key);
			return null;
		}
		return session != null && session.fits(hello) ? session : null;
	}

}
