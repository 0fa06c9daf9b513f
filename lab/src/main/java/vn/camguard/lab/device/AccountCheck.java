package vn.camguard.lab.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.camguard.lab.http.Request;

/**
 * Verifies a device's one account in HTTP/RTSP {@code Authorization} headers: Digest (RFC 7616, MD5,
 * qop=auth or none) always, Basic only where the device offers it. Nonces are stateless (a keyed hash of
 * the minute), so the lab keeps no per-client state and stays read-only.
 */
final class AccountCheck {

	/** What the credentials in a request amount to. */
	enum Verdict {
		/** No credentials were sent. */
		ANONYMOUS,
		/** Right user and password. */
		GRANTED,
		/** Credentials were sent and are wrong (or malformed, or the nonce is not ours). */
		REFUSED,
		/** Credentials were sent while the device's lockout holds: refused whatever they are. */
		LOCKED
	}

	private static final int NONCE_MINUTES = 10;

	/**
	 * Never updated, only cloned: a clone copies its state, where {@code getInstance} looks the provider up
	 * each time, and every Digest answer checked costs three digests.
	 */
	private static final MessageDigest MD5_PROTOTYPE = md5Prototype();

	private final String username;

	private final String password;

	private final String realm;

	private final boolean basicOffered;

	private final String nonceKey;

	/** The device's lockout, or null when it has none. */
	private final Lockout lockout;

	/** Digest's HA1, the same for every request. */
	private final String ha1;

	/** The nonce of the latest minute asked for: most checks and challenges need just that one. */
	private volatile MinuteNonce latest = new MinuteNonce(Long.MIN_VALUE, "");

	private record MinuteNonce(long minute, String nonce) {
	}

	AccountCheck(String username, String password, String realm, boolean basicOffered, String nonceKey) {
		this(username, password, realm, basicOffered, nonceKey, null);
	}

	AccountCheck(String username, String password, String realm, boolean basicOffered, String nonceKey,
			Lockout lockout) {
		this.lockout = lockout;
		this.username = username;
		this.password = password;
		this.realm = realm;
		this.basicOffered = basicOffered;
		this.nonceKey = nonceKey;
		this.ha1 = md5(username + ":" + realm + ":" + password);
	}

	String realm() {
		return realm;
	}

	boolean basicOffered() {
		return basicOffered;
	}

	Verdict check(Request request) {
		List<String> values = request.headerValues("Authorization");
		if (values.isEmpty()) {
			return Verdict.ANONYMOUS;
		}
		String value = values.getFirst();
		int space = value.indexOf(' ');
		String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
		String rest = space < 0 ? "" : value.substring(space + 1).trim();
		if (lockout != null && lockout.locked()) {
			return Verdict.LOCKED;
		}
		Verdict verdict = switch (scheme) {
			case "basic" -> basicOffered && basic(rest) ? Verdict.GRANTED : Verdict.REFUSED;
			case "digest" -> digest(rest, request.method()) ? Verdict.GRANTED : Verdict.REFUSED;
			default -> Verdict.REFUSED;
		};
		if (verdict == Verdict.REFUSED && lockout != null) {
			lockout.refused();
		}
		return verdict;
	}

	boolean matches(String user, String pass) {
		return username.equals(user) && password.equals(pass);
	}

	String digestChallenge() {
		return "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce(minute()) + "\", algorithm=MD5";
	}

	String nonce() {
		return nonce(minute());
	}

	String basicChallenge(String basicRealm) {
		return "Basic realm=\"" + basicRealm + "\"";
	}

	private boolean basic(String token) {
		try {
			String decoded = new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon >= 0 && matches(decoded.substring(0, colon), decoded.substring(colon + 1));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private boolean digest(String params, String method) {
		Map<String, String> p = parseParams(params);
		String response = p.get("response");
		String nonce = p.get("nonce");
		String uri = p.get("uri");
		if (response == null || nonce == null || uri == null || !username.equals(p.get("username"))
				|| !realm.equals(p.get("realm")) || !ourNonce(nonce)) {
			return false;
		}
		String algorithm = p.getOrDefault("algorithm", "MD5");
		if (!algorithm.equalsIgnoreCase("MD5")) {
			return false;
		}
		String ha2 = md5(method + ":" + uri);
		String qop = p.get("qop");
		String expected;
		if (qop == null) {
			expected = md5(ha1 + ":" + nonce + ":" + ha2);
		}
		else if (qop.equals("auth") && p.containsKey("nc") && p.containsKey("cnonce")) {
			expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
		}
		else {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private boolean ourNonce(String nonce) {
		long now = minute();
		for (long m = now; m > now - NONCE_MINUTES; m--) {
			if (nonce(m).equals(nonce)) {
				return true;
			}
		}
		return false;
	}

	private String nonce(long minute) {
		MinuteNonce cached = latest;
		if (cached.minute() == minute) {
			return cached.nonce();
		}
		String nonce = md5(nonceKey + ":" + minute);
		if (minute > cached.minute()) {
			latest = new MinuteNonce(minute, nonce);
		}
		return nonce;
	}

	private static long minute() {
		return System.currentTimeMillis() / 60_000;
	}

	/** Parses {@code k=v, k="v, with comma"} lists as used by Digest headers. */
	static Map<String, String> parseParams(String text) {
		Map<String, String> params = new HashMap<>();
		int i = 0;
		int n = text.length();
		while (i < n && params.size() < 32) {
			while (i < n && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
				i++;
			}
			int eq = text.indexOf('=', i);
			if (eq < 0) {
				break;
			}
			String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
			i = eq + 1;
			String value;
			if (i < n && text.charAt(i) == '"') {
				int end = text.indexOf('"', i + 1);
				if (end < 0) {
					break;
				}
				value = text.substring(i + 1, end);
				i = end + 1;
			}
			else {
				int end = text.indexOf(',', i);
				end = end < 0 ? n : end;
				value = text.substring(i, end).trim();
				i = end;
			}
			params.put(key, value);
		}
		return params;
	}

	static String md5(String text) {
		try {
			MessageDigest md5 = (MessageDigest) MD5_PROTOTYPE.clone();
			return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException("the JDK's MD5 can be cloned", e);
		}
	}

	private static MessageDigest md5Prototype() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("MD5 is part of every JDK", e);
		}
	}

}
