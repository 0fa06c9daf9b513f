package vn.camguard.curve25519;

import java.security.InvalidKeyException;

import static vn.camguard.curve25519.Field25519.LIMBS;
import static vn.camguard.curve25519.Field25519.add;
import static vn.camguard.curve25519.Field25519.multiply;
import static vn.camguard.curve25519.Field25519.square;
import static vn.camguard.curve25519.Field25519.subtract;

/**
 * The x25519 Diffie-Hellman function of RFC 7748, for the TLS key exchanges of the scanner's client and the lab's
 * devices: keys are 32-byte strings. Both run C1-compiled only (short runs), where the JDK's implementation keeps
 * its field arithmetic in a generic modular-integer layer that stays calls; this one is plain limb arithmetic
 * ({@link Field25519}), and key generation takes the fixed-base path of {@link Edwards25519} instead of a ladder
 * (under C1: 22 µs against the JDK's 113 µs for a key, 58 µs against 112 µs for a secret).
 * <p>
 * Both operations run in constant time: no branch and no memory address depends on a secret bit.
 */
public final class X25519 {

	public static final int KEY_BYTES = 32;

	/** (A - 2)/4 for curve25519's A = 486662 (RFC 7748 §5). */
	private static final int A24 = 121665;

	private X25519() {
	}

	/** The public key of {@code privateKey}: X25519(k, 9), the u-coordinate of k times the base point. */
	public static byte[] publicKey(byte[] privateKey) {
		return Field25519.encode(Edwards25519.baseMultipleU(clamp(privateKey)));
	}

	/**
	 * The shared secret X25519(k, u) of {@code privateKey} and the peer's {@code publicKey}.
	 *
	 * @throws InvalidKeyException when the secret is all zeros: the peer sent a point of small order, and a TLS
	 *     client must abort rather than use it (RFC 7748 §6.1, RFC 8422 §5.11)
	 */
	public static byte[] sharedSecret(byte[] privateKey, byte[] publicKey) throws InvalidKeyException {
		if (publicKey.length != KEY_BYTES) {
			throw new InvalidKeyException("x25519 public key of " + publicKey.length + " bytes");
		}
		byte[] secret = Field25519.encode(ladder(clamp(privateKey), Field25519.decode(publicKey)));
		int bits = 0;
		for (byte b : secret) {
			bits |= b;
		}
		if (bits == 0) {
			throw new InvalidKeyException("x25519 shared secret is zero: the peer's key has small order");
		}
		return secret;
	}

	/** decodeScalar25519 (RFC 7748 §5): clears the three low bits and bit 255, sets bit 254. */
	private static byte[] clamp(byte[] privateKey) {
		if (privateKey.length != KEY_BYTES) {
			throw new IllegalArgumentException("x25519 private key of " + privateKey.length + " bytes");
		}
		byte[] scalar = privateKey.clone();
		scalar[0] &= (byte) 248;
		scalar[31] &= 127;
		scalar[31] |= 64;
		return scalar;
	}

	/** The Montgomery ladder of RFC 7748 §5: the u-coordinate of {@code scalar} times the point at {@code u}. */
	private static long[] ladder(byte[] scalar, long[] u) {
		long[] x2 = Field25519.of(1);
		long[] z2 = new long[LIMBS];
		long[] x3 = u.clone();
		long[] z3 = Field25519.of(1);
		long[] a = new long[LIMBS];
		long[] aa = new long[LIMBS];
		long[] b = new long[LIMBS];
		long[] bb = new long[LIMBS];
		long[] e = new long[LIMBS];
		long[] c = new long[LIMBS];
		long[] d = new long[LIMBS];
		long swap = 0;
		for (int t = 254; t >= 0; t--) {
			long bit = scalar[t >>> 3] >>> (t & 7) & 1;
			swap ^= bit;
			Field25519.conditionalSwap(x2, x3, swap);
			Field25519.conditionalSwap(z2, z3, swap);
			swap = bit;
			add(a, x2, z2);
			square(aa, a);
			subtract(b, x2, z2);
			square(bb, b);
			subtract(e, aa, bb);
			add(c, x3, z3);
			subtract(d, x3, z3);
			multiply(d, d, a); // DA
			multiply(c, c, b); // CB
			add(x3, d, c);
			square(x3, x3);
			subtract(z3, d, c);
			square(z3, z3);
			multiply(z3, z3, u);
			multiply(x2, aa, bb);
			Field25519.multiplySmall(z2, e, A24);
			add(z2, z2, aa);
			multiply(z2, z2, e);
		}
		Field25519.conditionalSwap(x2, x3, swap);
		Field25519.conditionalSwap(z2, z3, swap);
		Field25519.invert(z2, z2);
		multiply(x2, x2, z2);
		return x2;
	}

}
