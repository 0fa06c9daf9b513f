package vn.camguard.lab.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The fields of a ClientHello (RFC 5246 §7.4.1.2) the lean server decides and answers with. Parsing is
 * strict: a hello it cannot read exactly is {@link #odd() odd}, one asking for what only JSSE offers
 * (session tickets, fragment sizes, compressed points) is {@link #forJsse()}; JSSE answers both.
 */
record ClientHello(byte[] message, int legacyVersion, byte[] random, byte[] sessionId, int[] suites,
		int[] supportedVersions, int[] groups, int[] signatureSchemes, byte[] renegotiatedConnection,
		boolean secureRenegotiation,
		boolean extendedMasterSecret, boolean pointFormats, byte[] serverName, boolean forJsse, boolean odd) {

	static final int TLS10 = 0x0301;

	static final int TLS11 = 0x0302;

	static final int TLS12 = 0x0303;

	static final int TLS13 = 0x0304;

	static final int X25519 = 0x001d;

	static final int SECP256R1 = 0x0017;

	static final int ECDSA_SECP256R1_SHA256 = 0x0403;

	/** At most this much ClientHello is buffered; a bigger one is left to JSSE. */
	static final int MAX_MESSAGE = 16 * 1024;

	private static final int TYPE_CLIENT_HELLO = 1;

	private static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

	private static final int FALLBACK_SCSV = 0x5600;

	private static final int ECDSA_SHA1 = 0x0203;

	/** The ECDHE groups JSSE's TLS 1.2 server can use, of which it takes the client's first. */
	private static final Set<Integer> JSSE_TLS12_EC_GROUPS = Set.of(SECP256R1, 0x0018, 0x0019, X25519, 0x001e);

	/** What became of the first bytes of a connection. */
	record Reading(byte[] consumed, ClientHello hello) {
	}

	/**
	 * Reads whole handshake records until one ClientHello is complete, or stops at the first record that is
	 * not one; {@code hello} is then null and {@code consumed} holds every byte read, for JSSE to replay.
	 */
	static Reading read(InputStream in, long deadlineNanos) throws IOException {
		ByteArrayOutputStream consumed = new ByteArrayOutputStream(512);
		ByteArrayOutputStream message = new ByteArrayOutputStream(512);
		while (true) {
			byte[] header = readSome(in, Records.HEADER_BYTES, consumed, deadlineNanos);
			if (header.length < Records.HEADER_BYTES || header[0] != Records.HANDSHAKE || header[1] != 3) {
				return new Reading(consumed.toByteArray(), null);
			}
			int length = (header[3] & 0xff) << 8 | header[4] & 0xff;
			if (length == 0 || length > Records.MAX_PLAINTEXT) {
				return new Reading(consumed.toByteArray(), null);
			}
			byte[] fragment = readSome(in, length, consumed, deadlineNanos);
			if (fragment.length < length) {
				return new Reading(consumed.toByteArray(), null);
			}
			message.write(fragment);
			byte[] sofar = message.toByteArray();
			switch (progress(sofar)) {
				case NOT_A_HELLO -> {
					return new Reading(consumed.toByteArray(), null);
				}
				case COMPLETE -> {
					return new Reading(consumed.toByteArray(), parse(sofar));
				}
				case PARTIAL -> {
					// the hello goes on in the next record
				}
			}
		}
	}

	/** How far handshake bytes gathered record by record are from one whole ClientHello. */
	enum Progress {
		PARTIAL, COMPLETE, NOT_A_HELLO
	}

	/**
	 * Whether {@code sofar} (handshake fragments put together) is a ClientHello still coming in, a whole one,
	 * or something else: another message type, a hello over {@value #MAX_MESSAGE} bytes, or bytes after it.
	 */
	static Progress progress(byte[] sofar) {
		if (sofar.length < 4) {
			return Progress.PARTIAL;
		}
		int bodyLength = ServerHandshake.bodyLength(sofar);
		if (sofar[0] != TYPE_CLIENT_HELLO || bodyLength > MAX_MESSAGE || sofar.length > 4 + bodyLength) {
			return Progress.NOT_A_HELLO;
		}
		return sofar.length == 4 + bodyLength ? Progress.COMPLETE : Progress.PARTIAL;
	}

	private static byte[] readSome(InputStream in, int count, ByteArrayOutputStream consumed, long deadlineNanos)
			throws IOException {
		if (System.nanoTime() - deadlineNanos > 0) {
			throw new SocketTimeoutException("ClientHello not complete in time");
		}
		byte[] bytes = in.readNBytes(count);
		consumed.write(bytes);
		return bytes;
	}

	/** Parses a whole handshake message; a malformed one comes back {@link #odd()}. */
	static ClientHello parse(byte[] message) {
		try {
			return parseStrictly(message);
		}
		catch (RuntimeException e) {
			return oddOne(message);
		}
	}

	private static ClientHello oddOne(byte[] message) {
		return new ClientHello(message, 0, new byte[32], new byte[0], new int[0], null, new int[0], new int[0], null,
				false, false, false, null, true, true);
	}

	private static ClientHello parseStrictly(byte[] message) {
		ByteBuffer body = ByteBuffer.wrap(message, 4, message.length - 4);
		int version = u16(body);
		byte[] random = bytes(body, 32);
		int sessionIdLength = u8(body);
		if (sessionIdLength > 32) {
			return oddOne(message);
		}
		byte[] sessionId = bytes(body, sessionIdLength);
		int suitesLength = u16(body);
		if (suitesLength < 2 || suitesLength % 2 != 0) {
			return oddOne(message);
		}
		int[] suites = new int[suitesLength / 2];
		for (int i = 0; i < suites.length; i++) {
			suites[i] = u16(body);
		}
		byte[] compressions = bytes(body, u8(body));
		if (!contains(compressions, 0)) {
			return oddOne(message);
		}
		boolean forJsse = false;
		int[] versions = null;
		int[] groups = new int[0];
		int[] schemes = new int[0];
		byte[] renegotiated = null;
		boolean ems = false;
		boolean pointFormats = false;
		byte[] serverName = null;
		if (body.hasRemaining()) {
			ByteBuffer extensions = slice(body, u16(body));
			if (body.hasRemaining()) {
				return oddOne(message);
			}
			Set<Integer> seen = new HashSet<>();
			while (extensions.hasRemaining()) {
				int type = u16(extensions);
				ByteBuffer data = slice(extensions, u16(extensions));
				if (!seen.add(type)) {
					return oddOne(message);
				}
				switch (type) {
					case 0x0000 -> serverName = bytes(data, data.remaining());
					case 0x000a -> groups = u16List(slice(data, u16(data)));
					case 0x000b -> {
						byte[] formats = bytes(data, u8(data));
						pointFormats = true;
						forJsse |= !contains(formats, 0);
					}
					case 0x000d -> schemes = u16List(slice(data, u16(data)));
					case 0x0017 -> {
						ems = true;
						forJsse |= data.hasRemaining();
					}
					case 0x002b -> versions = u16List(slice(data, u8(data)));
					case 0xff01 -> renegotiated = bytes(data, u8(data));
					// fragment-size negotiation changes JSSE's records, and JSSE answers session_ticket with
					// RFC 5077 tickets: leave those hellos to it
					case 0x0001, 0x001c, 0x0023 -> {
						forJsse = true;
						data.position(data.limit());
					}
					// extensions the JSSE server ignores in TLS 1.2, or answers only in TLS 1.3
					default -> data.position(data.limit());
				}
				if (data.hasRemaining()) {
					return oddOne(message);
				}
			}
		}
		return new ClientHello(message, version, random, sessionId, suites, versions, groups, schemes, renegotiated,
				renegotiated != null || contains(suites, EMPTY_RENEGOTIATION_INFO_SCSV), ems, pointFormats, serverName,
				forJsse, false);
	}

	/** The client's best version, as JSSE's server reads it (supported_versions wins over legacy_version). */
	int highestVersion() {
		if (supportedVersions == null) {
			return legacyVersion;
		}
		int best = 0;
		for (int v : supportedVersions) {
			if (v >= 0x0300 && v <= TLS13) {
				best = Math.max(best, v);
			}
		}
		return best;
	}

	/** A TLS 1.1 or 1.0 hello that JSSE answers with a protocol_version alert and nothing else. */
	boolean legacyOnly() {
		return !odd && supportedVersions == null && (legacyVersion == TLS10 || legacyVersion == TLS11);
	}

	/**
	 * A hello JSSE would answer with TLS 1.2, one of the lean server's {@link CipherSuite}s, a group the lean
	 * server has and an ecdsa_secp256r1_sha256 signature; null otherwise.
	 */
	Integer leanGroup() {
		// an initial handshake: a renegotiation_info extension must be empty (RFC 5746 §3.6)
		return renegotiatedConnection != null && renegotiatedConnection.length > 0 ? null : suitableGroup();
	}

	/** As {@link #leanGroup()}, for a renegotiation of a connection whose client Finished said {@code clientVerifyData}. */
	Integer leanGroupRenegotiating(byte[] clientVerifyData) {
		return renegotiatedConnection != null && MessageDigest.isEqual(renegotiatedConnection, clientVerifyData)
				? suitableGroup() : null;
	}

	private Integer suitableGroup() {
		if (odd || forJsse || legacyVersion != TLS12 || highestVersion() != TLS12
				|| leanSuite() == null || contains(suites, FALLBACK_SCSV)) {
			return null;
		}
		// JSSE signs with the first client scheme that fits a P-256 key: only sha1 could come before ours
		int sha256 = indexOf(signatureSchemes, ECDSA_SECP256R1_SHA256);
		int sha1 = indexOf(signatureSchemes, ECDSA_SHA1);
		if (sha256 < 0 || (sha1 >= 0 && sha1 < sha256)) {
			return null;
		}
		for (int group : groups) {
			if (JSSE_TLS12_EC_GROUPS.contains(group)) {
				return group == X25519 || group == SECP256R1 ? group : null;
			}
		}
		return null;
	}

	/** The first of the lean server's suites, in its order, that this hello offers; null when none. */
	CipherSuite leanSuite() {
		for (CipherSuite suite : CipherSuite.values()) {
			if (contains(suites, suite.code)) {
				return suite;
			}
		}
		return null;
	}

	boolean offers(CipherSuite suite) {
		return contains(suites, suite.code);
	}

	private static boolean contains(int[] values, int value) {
		return indexOf(values, value) >= 0;
	}

	private static int indexOf(int[] values, int value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static boolean contains(byte[] values, int value) {
		for (byte b : values) {
			if (b == value) {
				return true;
			}
		}
		return false;
	}

	private static int u8(ByteBuffer buffer) {
		return buffer.get() & 0xff;
	}

	private static int u16(ByteBuffer buffer) {
		return buffer.getShort() & 0xffff;
	}

	private static byte[] bytes(ByteBuffer buffer, int count) {
		byte[] bytes = new byte[count];
		buffer.get(bytes);
		return bytes;
	}

	private static ByteBuffer slice(ByteBuffer buffer, int length) {
		ByteBuffer slice = buffer.slice(buffer.position(), length);
		buffer.position(buffer.position() + length);
		return slice;
	}

	private static int[] u16List(ByteBuffer list) {
		if (list.remaining() % 2 != 0) {
			throw new IllegalArgumentException("odd list length");
		}
		int[] values = new int[list.remaining() / 2];
		for (int i = 0; i < values.length; i++) {
			values[i] = u16(list);
		}
		return values;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ClientHello hello && Arrays.equals(message, hello.message);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(message);
	}

	@Override
	public String toString() {
		return "ClientHello[" + message.length + " bytes]";
	}

}
