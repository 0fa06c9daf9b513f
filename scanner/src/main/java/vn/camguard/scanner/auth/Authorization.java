package vn.camguard.scanner.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Builds {@code Authorization} header values for HTTP and RTSP: Basic, and Digest with MD5 and
 * {@code qop=auth} (RFC 7616) or the legacy RFC 2069 form when the device offers no qop.
 */
public final class Authorization {

	/**
	 * Never updated, only cloned: a clone costs a copy of its state, where {@code getInstance} looks the
	 * provider up each time, and a scan computes three digests per login attempt.
	 */
	private static final MessageDigest MD5_PROTOTYPE = md5Prototype();

	private Authorization() {
	}

	public static String basic(Credential credential) {
		String pair = credential.username() + ":" + credential.password();
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	/** The answer to {@code challenge} for a request of {@code method} on {@code uri}. */
	public static String answer(Challenge challenge, Credential credential, String method, String uri) {
		return answer(challenge, credential, method, uri, HexFormat.of().formatHex(randomBytes()));
	}

	static String answer(Challenge challenge, Credential credential, String method, String uri, String cnonce) {
		if (challenge.isBasic()) {
			return basic(credential);
		}
		String realm = challenge.realm();
		String nonce = challenge.param("nonce");
		String ha1 = md5(credential.username() + ":" + realm + ":" + credential.password());
		String ha2 = md5(method + ":" + uri);
		boolean qopAuth = java.util.Arrays.stream(challenge.param("qop").split(","))
				.anyMatch(q -> q.strip().equalsIgnoreCase("auth"));
		StringBuilder header = new StringBuilder("Digest username=\"").append(credential.username())
				.append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"")
				.append(uri).append('"');
		if (qopAuth) {
			String nc = "00000001";
			String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
			header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
					.append("\", response=\"").append(response).append('"');
		}
		else {
			header.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
		}
		if (!challenge.param("opaque").isEmpty()) {
			header.append(", opaque=\"").append(challenge.param("opaque")).append('"');
		}
		if (!challenge.param("algorithm").isEmpty()) {
			header.append(", algorithm=MD5");
		}
		return header.toString();
	}

	public static String md5(String text) {
		try {
			MessageDigest md5 = (MessageDigest) MD5_PROTOTYPE.clone();
			return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MessageDigest md5Prototype() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] randomBytes() {
		// The client nonce only has to differ between requests; it protects nothing of ours.
		byte[] bytes = new byte[8];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
