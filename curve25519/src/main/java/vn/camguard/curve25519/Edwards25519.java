package vn.camguard.curve25519;

import static vn.camguard.curve25519.Field25519.LIMBS;
import static vn.camguard.curve25519.Field25519.add;
import static vn.camguard.curve25519.Field25519.multiply;
import static vn.camguard.curve25519.Field25519.square;
import static vn.camguard.curve25519.Field25519.subtract;

/**
 * Multiples of the base point on edwards25519, -x^2 + y^2 = 1 + d x^2 y^2 (RFC 8032 §5.1), for x25519 key
 * generation: the curve is birationally equivalent to curve25519 with u = (1 + y)/(1 - y) (RFC 7748 §4.1), and its
 * base point B (y = 4/5) maps to u = 9, so X25519(k, 9) is the u of k B. A fixed base lets most of the work be
 * done once: with a table of j 256^i B (i = 0..31, j = 1..8) a 255-bit scalar in signed radix-16 digits costs 64
 * table additions and 4 doublings, about a third of the Montgomery ladder's products.
 * <p>
 * Points are in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, x y = T/Z, with the formulas of
 * Hisil, Wong, Carter and Dawson (2008) as RFC 8032 §5.1.4 gives them for a = -1; they are complete, so the
 * identity and equal operands need no special case. Table entries are affine, held as (y + x, y - x, 2 d x y).
 */
final class Edwards25519 {

	/** Field elements per point in extended coordinates, in this order. */
	private static final int X = 0;

	private static final int Y = 1;

	private static final int Z = 2;

	private static final int T = 3;

	/**
	 * Words per table entry: y + x, y - x and 2 d x y, each reduced to its canonical limbs and packed two limbs
	 * (26 + 25 bits) to a word, so that reading all eight entries of a row for one digit moves half as much.
	 */
	private static final int ENTRY = 3 * LIMBS / 2;

	private static final long MASK_26 = (1L << 26) - 1;

	private Edwards25519() {
	}

	/**
	 * The Montgomery u-coordinate of {@code scalar} B, the x25519 public key of a clamped {@code scalar}
	 * (32 bytes little-endian, bit 255 clear: the top radix-16 digit may then grow to 8, which the table holds).
	 * Constant time: every table entry of a row is read for each digit, and a digit's sign is applied by masks.
	 */
	static long[] baseMultipleU(byte[] scalar) {
		byte[] digits = signedDigits(scalar);
		long[] table = Table.ENTRIES;
		long[][] h = identity();
		long[][] entry = new long[3][LIMBS];
		long[][] scratch = scratch();
		// k B = 16 (sum of odd digits e_i 16^(i-1) B) + (sum of even digits e_i 16^i B), and 16^(i-1) and 16^i
		// are both powers of 256 for odd and even i respectively: table row i/2.
		for (int i = 1; i < 64; i += 2) {
			select(entry, table, i >> 1, digits[i]);
			addEntry(h, entry, scratch);
		}
		for (int i = 0; i < 4; i++) {
			doublePoint(h, scratch);
		}
		for (int i = 0; i < 64; i += 2) {
			select(entry, table, i >> 1, digits[i]);
			addEntry(h, entry, scratch);
		}
		// u = (1 + y)/(1 - y) = (Z + Y)/(Z - Y)
		long[] numerator = new long[LIMBS];
		long[] denominator = new long[LIMBS];
		add(numerator, h[Z], h[Y]);
		subtract(denominator, h[Z], h[Y]);
		Field25519.invert(denominator, denominator);
		multiply(numerator, numerator, denominator);
		return numerator;
	}

	/**
	 * The scalar as 64 digits e_i in [-8, 8) (the top one in [0, 8]) with scalar = sum e_i 16^i: a nibble of 8
	 * or more becomes itself minus 16 and carries one into the next.
	 */
	private static byte[] signedDigits(byte[] scalar) {
		byte[] digits = new byte[64];
		for (int i = 0; i < 32; i++) {
			digits[2 * i] = (byte) (scalar[i] & 15);
			digits[2 * i + 1] = (byte) (scalar[i] >> 4 & 15);
		}
		int carry = 0;
		for (int i = 0; i < 63; i++) {
			int digit = digits[i] + carry;
			carry = (digit + 8) >> 4;
			digits[i] = (byte) (digit - (carry << 4));
		}
		digits[63] += (byte) carry;
		return digits;
	}

	/**
	 * entry = digit 256^row B: all eight entries of the row are read and the one wanted kept by masks (the
	 * identity when none is), then negated by mask for a negative digit: -(x, y) = (-x, y) swaps y + x with y - x
	 * and negates 2 d x y.
	 */
	private static void select(long[][] entry, long[] table, int row, int digit) {
		int negative = digit >> 31;
		int magnitude = (digit ^ negative) - negative;
		long m1 = equalMask(magnitude, 1);
		long m2 = equalMask(magnitude, 2);
		long m3 = equalMask(magnitude, 3);
		long m4 = equalMask(magnitude, 4);
		long m5 = equalMask(magnitude, 5);
		long m6 = equalMask(magnitude, 6);
		long m7 = equalMask(magnitude, 7);
		long m8 = equalMask(magnitude, 8);
		long swap = negative;
		long[] plus = entry[0];
		long[] minus = entry[1];
		long[] product = entry[2];
		for (int word = 0, limb = 0; word < LIMBS / 2; word++, limb += 2) {
			int at = row * 8 * ENTRY + word;
			long p = table[at] & m1 | table[at + ENTRY] & m2 | table[at + 2 * ENTRY] & m3 | table[at + 3 * ENTRY] & m4
					| table[at + 4 * ENTRY] & m5 | table[at + 5 * ENTRY] & m6 | table[at + 6 * ENTRY] & m7
					| table[at + 7 * ENTRY] & m8;
			at += LIMBS / 2;
			long q = table[at] & m1 | table[at + ENTRY] & m2 | table[at + 2 * ENTRY] & m3 | table[at + 3 * ENTRY] & m4
					| table[at + 4 * ENTRY] & m5 | table[at + 5 * ENTRY] & m6 | table[at + 6 * ENTRY] & m7
					| table[at + 7 * ENTRY] & m8;
			at += LIMBS / 2;
			long t = table[at] & m1 | table[at + ENTRY] & m2 | table[at + 2 * ENTRY] & m3 | table[at + 3 * ENTRY] & m4
					| table[at + 4 * ENTRY] & m5 | table[at + 5 * ENTRY] & m6 | table[at + 6 * ENTRY] & m7
					| table[at + 7 * ENTRY] & m8;
			long exchanged = swap & (p ^ q);
			p ^= exchanged;
			q ^= exchanged;
			plus[limb] = p & MASK_26;
			plus[limb + 1] = p >>> 26;
			minus[limb] = q & MASK_26;
			minus[limb + 1] = q >>> 26;
			long low = t & MASK_26;
			long high = t >>> 26;
			product[limb] = low ^ (swap & (low ^ -low));
			product[limb + 1] = high ^ (swap & (high ^ -high));
		}
		// The identity is (y + x, y - x, 2 d x y) = (1, 1, 0), the same negated.
		long none = ~(m1 | m2 | m3 | m4 | m5 | m6 | m7 | m8);
		plus[0] |= none & 1;
		minus[0] |= none & 1;
	}

	/** -1 when {@code a == b}, else 0, for a and b in [0, 16), without a branch. */
	private static long equalMask(int a, int b) {
		return (long) ((a ^ b) - 1) >> 63;
	}

	private static long[][] identity() {
		long[][] p = new long[4][LIMBS];
		p[Y][0] = 1;
		p[Z][0] = 1;
		return p;
	}

	private static long[][] scratch() {
		return new long[8][LIMBS];
	}

	/** p = p + entry (RFC 8032 §5.1.4 addition with Z2 = 1); 7 products. */
	private static void addEntry(long[][] p, long[][] entry, long[][] scratch) {
		long[] a = scratch[0];
		long[] b = scratch[1];
		long[] c = scratch[2];
		long[] d = scratch[3];
		long[] e = scratch[4];
		long[] f = scratch[5];
		long[] g = scratch[6];
		long[] h = scratch[7];
		subtract(a, p[Y], p[X]);
		multiply(a, a, entry[1]);
		add(b, p[Y], p[X]);
		multiply(b, b, entry[0]);
		multiply(c, p[T], entry[2]);
		add(d, p[Z], p[Z]);
		combine(p, a, b, c, d, e, f, g, h);
	}

	/** The end of an addition: E = B - A, F = D - C, G = D + C, H = B + A; X = E F, Y = G H, T = E H, Z = F G. */
	private static void combine(long[][] p, long[] a, long[] b, long[] c, long[] d, long[] e, long[] f, long[] g,
			long[] h) {
		subtract(e, b, a);
		subtract(f, d, c);
		add(g, d, c);
		add(h, b, a);
		multiply(p[X], e, f);
		multiply(p[Y], g, h);
		multiply(p[T], e, h);
		multiply(p[Z], f, g);
	}

	/**
	 * p = 2 p (RFC 8032 §5.1.4): A = X^2, B = Y^2, C = 2 Z^2, H = A + B, E = H - (X + Y)^2, G = A - B, F = C + G;
	 * then as an addition. E and F are sums of three and four carried values and are carried before their
	 * products.
	 */
	private static void doublePoint(long[][] p, long[][] scratch) {
		long[] a = scratch[0];
		long[] b = scratch[1];
		long[] c = scratch[2];
		long[] e = scratch[4];
		long[] f = scratch[5];
		long[] g = scratch[6];
		long[] h = scratch[7];
		square(a, p[X]);
		square(b, p[Y]);
		square(c, p[Z]);
		add(c, c, c);
		add(h, a, b);
		add(e, p[X], p[Y]);
		square(e, e);
		subtract(e, h, e);
		Field25519.reduce(e);
		subtract(g, a, b);
		add(f, c, g);
		Field25519.reduce(f);
		multiply(p[X], e, f);
		multiply(p[Y], g, h);
		multiply(p[T], e, h);
		multiply(p[Z], f, g);
	}

	/** p = p + q for two points in extended coordinates; {@code d2} is 2 d. Used to build the table. */
	private static void addPoints(long[][] p, long[][] q, long[] d2, long[][] scratch) {
		long[] a = scratch[0];
		long[] b = scratch[1];
		long[] c = scratch[2];
		long[] d = scratch[3];
		long[] e = scratch[4];
		long[] f = scratch[5];
		subtract(a, p[Y], p[X]);
		subtract(e, q[Y], q[X]);
		multiply(a, a, e);
		add(b, p[Y], p[X]);
		add(f, q[Y], q[X]);
		multiply(b, b, f);
		multiply(c, p[T], d2);
		multiply(c, c, q[T]);
		multiply(d, p[Z], q[Z]);
		add(d, d, d);
		combine(p, a, b, c, d, e, f, scratch[6], scratch[7]);
	}

	/**
	 * The table of j 256^i B, built on first use from B alone: its y is 4/5 and its x the even square root of
	 * (y^2 - 1)/(d y^2 + 1) (RFC 8032 §5.1). The sign of x would not change a u-coordinate (-P has the same y),
	 * but the even root is B itself.
	 */
	private static final class Table {

		/** Row i, entry j - 1: j 256^i B as (y + x, y - x, 2 d x y), packed; 32 rows of 8 entries. */
		static final long[] ENTRIES = build();

		private static long[] build() {
			long[] d = Field25519.of(121665);
			Field25519.negate(d, d);
			long[] inverse = new long[LIMBS];
			Field25519.invert(inverse, Field25519.of(121666));
			multiply(d, d, inverse);
			long[] d2 = new long[LIMBS];
			add(d2, d, d);
			Field25519.reduce(d2);

			long[][] base = new long[4][];
			base[Y] = new long[LIMBS];
			Field25519.invert(inverse, Field25519.of(5));
			multiply(base[Y], Field25519.of(4), inverse);
			base[X] = baseX(base[Y], d);
			base[Z] = Field25519.of(1);
			base[T] = new long[LIMBS];
			multiply(base[T], base[X], base[Y]);

			long[][][] points = new long[256][][];
			long[][] scratch = scratch();
			long[][] row = base;
			for (int i = 0; i < 32; i++) {
				long[][] multiple = copy(row);
				for (int j = 0; j < 8; j++) {
					if (j > 0) {
						addPoints(multiple, row, d2, scratch);
					}
					points[8 * i + j] = copy(multiple);
				}
				// 256 row = 32 (8 row)
				row = multiple;
				for (int k = 0; k < 5; k++) {
					doublePoint(row, scratch);
				}
			}
			return affineEntries(points, d2);
		}

		private static long[] baseX(long[] y, long[] d) {
			long[] one = Field25519.of(1);
			long[] y2 = new long[LIMBS];
			square(y2, y);
			long[] numerator = new long[LIMBS];
			subtract(numerator, y2, one);
			long[] denominator = new long[LIMBS];
			multiply(denominator, d, y2);
			add(denominator, denominator, one);
			Field25519.invert(denominator, denominator);
			long[] x2 = new long[LIMBS];
			multiply(x2, numerator, denominator);
			long[] x = new long[LIMBS];
			Field25519.squareRootCandidate(x, x2);
			long[] check = new long[LIMBS];
			square(check, x);
			if (!Field25519.equal(check, x2)) {
				// The candidate is a root of -x^2: times sqrt(-1) = 2^((p-1)/4), and (p-1)/4 = (p+3)/8 · 2 - 1.
				long[] two = Field25519.of(2);
				long[] rootOfMinusOne = new long[LIMBS];
				Field25519.squareRootCandidate(rootOfMinusOne, two);
				square(rootOfMinusOne, rootOfMinusOne);
				long[] half = new long[LIMBS];
				Field25519.invert(half, two);
				multiply(rootOfMinusOne, rootOfMinusOne, half);
				multiply(x, x, rootOfMinusOne);
				square(check, x);
				if (!Field25519.equal(check, x2)) {
					throw new IllegalStateException("edwards25519 base point has no x");
				}
			}
			if (Field25519.parity(x) == 1) {
				Field25519.negate(x, x);
			}
			return x;
		}

		/** The points as table entries: one inversion for all Z (Montgomery's trick), then x, y and 2 d x y. */
		private static long[] affineEntries(long[][][] points, long[] d2) {
			int n = points.length;
			long[][] prefix = new long[n][LIMBS];
			Field25519.copy(prefix[0], points[0][Z]);
			for (int i = 1; i < n; i++) {
				multiply(prefix[i], prefix[i - 1], points[i][Z]);
			}
			long[] inverse = new long[LIMBS];
			Field25519.invert(inverse, prefix[n - 1]);
			long[] zInverse = new long[LIMBS];
			long[] x = new long[LIMBS];
			long[] y = new long[LIMBS];
			long[] sum = new long[LIMBS];
			long[] entries = new long[n * ENTRY];
			for (int i = n - 1; i >= 0; i--) {
				// inverse is 1/(Z_0 ... Z_i) here
				if (i > 0) {
					multiply(zInverse, inverse, prefix[i - 1]);
					multiply(inverse, inverse, points[i][Z]);
				}
				else {
					Field25519.copy(zInverse, inverse);
				}
				multiply(x, points[i][X], zInverse);
				multiply(y, points[i][Y], zInverse);
				int at = i * ENTRY;
				add(sum, y, x);
				pack(sum, entries, at);
				subtract(sum, y, x);
				pack(sum, entries, at + LIMBS / 2);
				multiply(sum, x, y);
				multiply(sum, sum, d2);
				pack(sum, entries, at + LIMBS);
			}
			return entries;
		}

		/** Writes {@code f}'s canonical limbs two to a word at {@code at}. */
		private static void pack(long[] f, long[] into, int at) {
			long[] canonical = Field25519.decode(Field25519.encode(f));
			for (int i = 0; i < LIMBS / 2; i++) {
				into[at + i] = canonical[2 * i] | canonical[2 * i + 1] << 26;
			}
		}

		private static long[][] copy(long[][] p) {
			long[][] copy = new long[4][];
			for (int i = 0; i < 4; i++) {
				copy[i] = p[i].clone();
			}
			return copy;
		}

	}

}
