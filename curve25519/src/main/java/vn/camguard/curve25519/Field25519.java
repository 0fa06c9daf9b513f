package vn.camguard.curve25519;

import java.util.Arrays;

/**
 * Arithmetic in GF(2^255 - 19), the field of x25519 and edwards25519 (RFC 7748 §4.1), on elements held as ten
 * signed limbs of alternately 26 and 25 bits (radix 2^25.5) in a {@code long[10]}: limb i weighs
 * 2^ceil(25.5 i). Sums and differences are left uncarried; products, squares and small multiples come back
 * carried (even limbs below 2^26, odd ones below 2^25 or a few bits over), and the callers keep every operand
 * of a product to a sum or difference of at most three carried values, so no sum in a product leaves 63 bits.
 * <p>
 * The scanner and the lab run under C1, which inlines little: product and square are each one straight-line
 * method with their own carry chain (a shared carry method would cost a call per product), and results go into
 * arrays the caller owns (any output may be an input), so an x25519 operation allocates a handful of arrays,
 * never one per step.
 */
final class Field25519 {

	static final int LIMBS = 10;

	private static final long MASK_26 = (1L << 26) - 1;

	private static final long MASK_25 = (1L << 25) - 1;

	private Field25519() {
	}

	/** A new element holding the small value {@code value}. */
	static long[] of(int value) {
		long[] f = new long[LIMBS];
		f[0] = value;
		return f;
	}

	/** The 255-bit little-endian number in {@code bytes[0..31]}, its top bit ignored (RFC 7748 §5). */
	static long[] decode(byte[] bytes) {
		long[] f = new long[LIMBS];
		f[0] = bits(bytes, 0) & MASK_26;
		f[1] = bits(bytes, 26) & MASK_25;
		f[2] = bits(bytes, 51) & MASK_26;
		f[3] = bits(bytes, 77) & MASK_25;
		f[4] = bits(bytes, 102) & MASK_26;
		f[5] = bits(bytes, 128) & MASK_25;
		f[6] = bits(bytes, 153) & MASK_26;
		f[7] = bits(bytes, 179) & MASK_25;
		f[8] = bits(bytes, 204) & MASK_26;
		f[9] = bits(bytes, 230) & MASK_25;
		return f;
	}

	/** The 32 bits from bit {@code position} on; every limb fits in them (its bit offset in a byte is small). */
	private static long bits(byte[] bytes, int position) {
		int at = position >>> 3;
		long word = bytes[at] & 0xff | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
				| (long) (bytes[at + 3] & 0xff) << 24;
		return word >>> (position & 7);
	}

	/** The canonical encoding (RFC 7748 §5): the value reduced below p, 32 bytes little-endian. */
	static byte[] encode(long[] f) {
		long[] h = f.clone();
		// Three rounds leave every limb in range and the value in [0, 2^255): the first brings the carries of
		// an uncarried input down to a few bits, which the second spreads and the third settles.
		for (int round = 0; round < 3; round++) {
			settle(h);
		}
		// The value is below 2^255, so it is at most p + 18: it is at least p exactly when adding 19 carries
		// out of bit 255, and then subtracting p is adding 19 and dropping that bit.
		long q = (h[0] + 19) >> 26;
		for (int i = 1; i < LIMBS; i++) {
			q = (h[i] + q) >> width(i);
		}
		h[0] += 19 * q;
		for (int i = 0; i < LIMBS - 1; i++) {
			h[i + 1] += h[i] >> width(i);
			h[i] &= mask(i);
		}
		h[9] &= MASK_25;

		byte[] bytes = new byte[32];
		long pending = 0;
		int pendingBits = 0;
		int at = 0;
		for (int i = 0; i < LIMBS; i++) {
			pending |= h[i] << pendingBits;
			pendingBits += width(i);
			while (pendingBits >= 8) {
				bytes[at++] = (byte) pending;
				pending >>>= 8;
				pendingBits -= 8;
			}
		}
		bytes[at] = (byte) pending;
		return bytes;
	}

	/** One carry round through all limbs, the carry out of the top one folded into the bottom (2^255 = 19). */
	private static void settle(long[] h) {
		for (int i = 0; i < LIMBS - 1; i++) {
			h[i + 1] += h[i] >> width(i);
			h[i] &= mask(i);
		}
		long top = h[9] >> 25;
		h[9] &= MASK_25;
		h[0] += 19 * top;
	}

	private static int width(int limb) {
		return 26 - (limb & 1);
	}

	private static long mask(int limb) {
		return (limb & 1) == 0 ? MASK_26 : MASK_25;
	}

	static void copy(long[] out, long[] f) {
		System.arraycopy(f, 0, out, 0, LIMBS);
	}

	static void add(long[] out, long[] f, long[] g) {
		out[0] = f[0] + g[0];
		out[1] = f[1] + g[1];
		out[2] = f[2] + g[2];
		out[3] = f[3] + g[3];
		out[4] = f[4] + g[4];
		out[5] = f[5] + g[5];
		out[6] = f[6] + g[6];
		out[7] = f[7] + g[7];
		out[8] = f[8] + g[8];
		out[9] = f[9] + g[9];
	}

	static void subtract(long[] out, long[] f, long[] g) {
		out[0] = f[0] - g[0];
		out[1] = f[1] - g[1];
		out[2] = f[2] - g[2];
		out[3] = f[3] - g[3];
		out[4] = f[4] - g[4];
		out[5] = f[5] - g[5];
		out[6] = f[6] - g[6];
		out[7] = f[7] - g[7];
		out[8] = f[8] - g[8];
		out[9] = f[9] - g[9];
	}

	static void negate(long[] out, long[] f) {
		for (int i = 0; i < LIMBS; i++) {
			out[i] = -f[i];
		}
	}

	/** Carries {@code f} in place, for a sum of more terms than a product takes. */
	static void reduce(long[] f) {
		multiplySmall(f, f, 1);
	}

	/**
	 * Exchanges {@code f} and {@code g} when {@code swap} is 1 and leaves them when it is 0, by masks, so
	 * that neither time nor memory access depends on a secret bit (RFC 7748 §5, cswap).
	 */
	static void conditionalSwap(long[] f, long[] g, long swap) {
		long mask = -swap;
		long x;
		x = mask & (f[0] ^ g[0]);
		f[0] ^= x;
		g[0] ^= x;
		x = mask & (f[1] ^ g[1]);
		f[1] ^= x;
		g[1] ^= x;
		x = mask & (f[2] ^ g[2]);
		f[2] ^= x;
		g[2] ^= x;
		x = mask & (f[3] ^ g[3]);
		f[3] ^= x;
		g[3] ^= x;
		x = mask & (f[4] ^ g[4]);
		f[4] ^= x;
		g[4] ^= x;
		x = mask & (f[5] ^ g[5]);
		f[5] ^= x;
		g[5] ^= x;
		x = mask & (f[6] ^ g[6]);
		f[6] ^= x;
		g[6] ^= x;
		x = mask & (f[7] ^ g[7]);
		f[7] ^= x;
		g[7] ^= x;
		x = mask & (f[8] ^ g[8]);
		f[8] ^= x;
		g[8] ^= x;
		x = mask & (f[9] ^ g[9]);
		f[9] ^= x;
		g[9] ^= x;
	}

	/**
	 * out = f g. Each operand may be a sum or difference of up to three carried elements: a limb sum of the
	 * product then stays below 2^62.4, and the result is carried.
	 */
	static void multiply(long[] out, long[] f, long[] g) {
		long f0 = f[0];
		long f1 = f[1];
		long f2 = f[2];
		long f3 = f[3];
		long f4 = f[4];
		long f5 = f[5];
		long f6 = f[6];
		long f7 = f[7];
		long f8 = f[8];
		long f9 = f[9];
		long g0 = g[0];
		long g1 = g[1];
		long g2 = g[2];
		long g3 = g[3];
		long g4 = g[4];
		long g5 = g[5];
		long g6 = g[6];
		long g7 = g[7];
		long g8 = g[8];
		long g9 = g[9];
		// Limb products past 2^255 wrap around times 19; two odd limbs meet half a bit above the limb they
		// land in, so their product counts twice.
		long g1_19 = 19 * g1;
		long g2_19 = 19 * g2;
		long g3_19 = 19 * g3;
		long g4_19 = 19 * g4;
		long g5_19 = 19 * g5;
		long g6_19 = 19 * g6;
		long g7_19 = 19 * g7;
		long g8_19 = 19 * g8;
		long g9_19 = 19 * g9;
		long f1_2 = f1 + f1;
		long f3_2 = f3 + f3;
		long f5_2 = f5 + f5;
		long f7_2 = f7 + f7;
		long f9_2 = f9 + f9;
		long h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19 + f5_2 * g5_19 + f6 * g4_19
				+ f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
		long h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19 + f7 * g4_19
				+ f8 * g3_19 + f9 * g2_19;
		long h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19 + f5_2 * g7_19 + f6 * g6_19
				+ f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
		long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19 + f7 * g6_19
				+ f8 * g5_19 + f9 * g4_19;
		long h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0 + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19
				+ f8 * g6_19 + f9_2 * g5_19;
		long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19
				+ f9 * g6_19;
		long h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2 + f5_2 * g1 + f6 * g0 + f7_2 * g9_19
				+ f8 * g8_19 + f9_2 * g7_19;
		long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19
				+ f9 * g8_19;
		long h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4 + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0
				+ f9_2 * g9_19;
		long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
		// Two carry chains interleaved (0..4 and 4..9, 0), so the processor can run them side by side.
		long c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h1 >> 25;
		h2 += c;
		h1 &= MASK_25;
		c = h5 >> 25;
		h6 += c;
		h5 &= MASK_25;
		c = h2 >> 26;
		h3 += c;
		h2 &= MASK_26;
		c = h6 >> 26;
		h7 += c;
		h6 &= MASK_26;
		c = h3 >> 25;
		h4 += c;
		h3 &= MASK_25;
		c = h7 >> 25;
		h8 += c;
		h7 &= MASK_25;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h8 >> 26;
		h9 += c;
		h8 &= MASK_26;
		c = h9 >> 25;
		h0 += 19 * c;
		h9 &= MASK_25;
		c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		out[0] = h0;
		out[1] = h1;
		out[2] = h2;
		out[3] = h3;
		out[4] = h4;
		out[5] = h5;
		out[6] = h6;
		out[7] = h7;
		out[8] = h8;
		out[9] = h9;
	}

	/** out = f^2, as {@link #multiply} with each cross product computed once and counted twice. */
	static void square(long[] out, long[] f) {
		long f0 = f[0];
		long f1 = f[1];
		long f2 = f[2];
		long f3 = f[3];
		long f4 = f[4];
		long f5 = f[5];
		long f6 = f[6];
		long f7 = f[7];
		long f8 = f[8];
		long f9 = f[9];
		long f0_2 = f0 + f0;
		long f1_2 = f1 + f1;
		long f2_2 = f2 + f2;
		long f3_2 = f3 + f3;
		long f4_2 = f4 + f4;
		long f5_2 = f5 + f5;
		long f6_2 = f6 + f6;
		long f7_2 = f7 + f7;
		long f8_2 = f8 + f8;
		long f9_2 = f9 + f9;
		long f1_4 = f1_2 + f1_2;
		long f3_4 = f3_2 + f3_2;
		long f5_4 = f5_2 + f5_2;
		long f7_4 = f7_2 + f7_2;
		long f5_19 = 19 * f5;
		long f6_19 = 19 * f6;
		long f7_19 = 19 * f7;
		long f8_19 = 19 * f8;
		long f9_19 = 19 * f9;
		long h0 = f0 * f0 + f1_4 * f9_19 + f2_2 * f8_19 + f3_4 * f7_19 + f4_2 * f6_19 + f5_2 * f5_19;
		long h1 = f0_2 * f1 + f2_2 * f9_19 + f3_2 * f8_19 + f4_2 * f7_19 + f5_2 * f6_19;
		long h2 = f0_2 * f2 + f1_2 * f1 + f3_4 * f9_19 + f4_2 * f8_19 + f5_4 * f7_19 + f6 * f6_19;
		long h3 = f0_2 * f3 + f1_2 * f2 + f4_2 * f9_19 + f5_2 * f8_19 + f6_2 * f7_19;
		long h4 = f0_2 * f4 + f1_4 * f3 + f2 * f2 + f5_4 * f9_19 + f6_2 * f8_19 + f7_2 * f7_19;
		long h5 = f0_2 * f5 + f1_2 * f4 + f2_2 * f3 + f6_2 * f9_19 + f7_2 * f8_19;
		long h6 = f0_2 * f6 + f1_4 * f5 + f2_2 * f4 + f3_2 * f3 + f7_4 * f9_19 + f8 * f8_19;
		long h7 = f0_2 * f7 + f1_2 * f6 + f2_2 * f5 + f3_2 * f4 + f8_2 * f9_19;
		long h8 = f0_2 * f8 + f1_4 * f7 + f2_2 * f6 + f3_4 * f5 + f4 * f4 + f9_2 * f9_19;
		long h9 = f0_2 * f9 + f1_2 * f8 + f2_2 * f7 + f3_2 * f6 + f4_2 * f5;
		long c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h1 >> 25;
		h2 += c;
		h1 &= MASK_25;
		c = h5 >> 25;
		h6 += c;
		h5 &= MASK_25;
		c = h2 >> 26;
		h3 += c;
		h2 &= MASK_26;
		c = h6 >> 26;
		h7 += c;
		h6 &= MASK_26;
		c = h3 >> 25;
		h4 += c;
		h3 &= MASK_25;
		c = h7 >> 25;
		h8 += c;
		h7 &= MASK_25;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h8 >> 26;
		h9 += c;
		h8 &= MASK_26;
		c = h9 >> 25;
		h0 += 19 * c;
		h9 &= MASK_25;
		c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		out[0] = h0;
		out[1] = h1;
		out[2] = h2;
		out[3] = h3;
		out[4] = h4;
		out[5] = h5;
		out[6] = h6;
		out[7] = h7;
		out[8] = h8;
		out[9] = h9;
	}

	/** out = f^(2^times), {@code times} at least 1. */
	static void squareTimes(long[] out, long[] f, int times) {
		square(out, f);
		for (int i = 1; i < times; i++) {
			square(out, out);
		}
	}

	/** out = n f for a small {@code n} (below 2^17: the curve constant 121665 of RFC 7748 §5 is one). */
	static void multiplySmall(long[] out, long[] f, int n) {
		long h0 = f[0] * n;
		long h1 = f[1] * n;
		long h2 = f[2] * n;
		long h3 = f[3] * n;
		long h4 = f[4] * n;
		long h5 = f[5] * n;
		long h6 = f[6] * n;
		long h7 = f[7] * n;
		long h8 = f[8] * n;
		long h9 = f[9] * n;
		long c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h1 >> 25;
		h2 += c;
		h1 &= MASK_25;
		c = h5 >> 25;
		h6 += c;
		h5 &= MASK_25;
		c = h2 >> 26;
		h3 += c;
		h2 &= MASK_26;
		c = h6 >> 26;
		h7 += c;
		h6 &= MASK_26;
		c = h3 >> 25;
		h4 += c;
		h3 &= MASK_25;
		c = h7 >> 25;
		h8 += c;
		h7 &= MASK_25;
		c = h4 >> 26;
		h5 += c;
		h4 &= MASK_26;
		c = h8 >> 26;
		h9 += c;
		h8 &= MASK_26;
		c = h9 >> 25;
		h0 += 19 * c;
		h9 &= MASK_25;
		c = h0 >> 26;
		h1 += c;
		h0 &= MASK_26;
		out[0] = h0;
		out[1] = h1;
		out[2] = h2;
		out[3] = h3;
		out[4] = h4;
		out[5] = h5;
		out[6] = h6;
		out[7] = h7;
		out[8] = h8;
		out[9] = h9;
	}

	/** out = 1/z = z^(p-2) (Fermat); 0 for 0. 254 squarings and 11 products. */
	static void invert(long[] out, long[] z) {
		long[] z2 = new long[LIMBS];
		long[] z11 = new long[LIMBS];
		long[] t = new long[LIMBS];
		power2To250Minus1(t, z, z2, z11);
		// p - 2 = 2^255 - 21 = (2^250 - 1) 2^5 + 11
		squareTimes(t, t, 5);
		multiply(out, t, z11);
	}

	/** out = z^((p+3)/8) = z^(2^252 - 2): a square root of z or of -z when z is a square (RFC 8032 §5.1.3). */
	static void squareRootCandidate(long[] out, long[] z) {
		long[] z2 = new long[LIMBS];
		long[] z11 = new long[LIMBS];
		long[] t = new long[LIMBS];
		power2To250Minus1(t, z, z2, z11);
		squareTimes(t, t, 2);
		multiply(out, t, z2);
	}

	/** out = z^(2^250 - 1), with z^2 and z^11 on the way: the shared part of the exponent chains. */
	private static void power2To250Minus1(long[] out, long[] z, long[] z2, long[] z11) {
		long[] t = new long[LIMBS];
		long[] run = new long[LIMBS];
		long[] run10 = new long[LIMBS];
		long[] run50 = new long[LIMBS];
		square(z2, z);
		squareTimes(t, z2, 2);
		multiply(t, t, z); // z^9
		multiply(z11, t, z2);
		square(run, z11);
		multiply(run, run, t); // 2^5 - 1
		squareTimes(t, run, 5);
		multiply(run10, t, run); // 2^10 - 1
		squareTimes(t, run10, 10);
		multiply(run, t, run10); // 2^20 - 1
		squareTimes(t, run, 20);
		multiply(t, t, run); // 2^40 - 1
		squareTimes(t, t, 10);
		multiply(run50, t, run10); // 2^50 - 1
		squareTimes(t, run50, 50);
		multiply(run, t, run50); // 2^100 - 1
		squareTimes(t, run, 100);
		multiply(t, t, run); // 2^200 - 1
		squareTimes(t, t, 50);
		multiply(out, t, run50); // 2^250 - 1
	}

	/** Whether {@code f} and {@code g} are the same field element; for setup, not secret values. */
	static boolean equal(long[] f, long[] g) {
		return Arrays.equals(encode(f), encode(g));
	}

	/** 1 when {@code f} is odd once reduced (the sign of RFC 8032 §5.1.2), else 0. */
	static int parity(long[] f) {
		return encode(f)[0] & 1;
	}

}
