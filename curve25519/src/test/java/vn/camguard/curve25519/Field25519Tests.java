package vn.camguard.curve25519;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** GF(2^255 - 19) arithmetic against BigInteger, on random elements and on the largest operands it takes. */
class Field25519Tests {

	static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

	final Random random = new Random(25519);

	/** The value the limbs stand for, reduced: limb i weighs 2^ceil(25.5 i). */
	static BigInteger value(long[] f) {
		BigInteger value = BigInteger.ZERO;
		for (int i = 0; i < Field25519.LIMBS; i++) {
			value = value.add(BigInteger.valueOf(f[i]).shiftLeft((51 * i + 1) / 2));
		}
		return value.mod(P);
	}

	static BigInteger decoded(byte[] bytes) {
		byte[] bigEndian = new byte[32];
		for (int i = 0; i < 32; i++) {
			bigEndian[i] = bytes[31 - i];
		}
		return new BigInteger(1, bigEndian);
	}

	long[] randomElement() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Field25519.decode(bytes);
	}

	/** Every limb at {@code times} its largest carried value, and the same negated. */
	static List<long[]> extremes(int times) {
		long[] high = new long[Field25519.LIMBS];
		for (int i = 0; i < Field25519.LIMBS; i++) {
			high[i] = times * ((1L << (26 - (i & 1))) - 1);
		}
		long[] low = new long[Field25519.LIMBS];
		Field25519.negate(low, high);
		return List.of(high, low);
	}

	List<long[]> operands() {
		List<long[]> operands = new ArrayList<>(extremes(1));
		// The products of the ladder and of Edwards additions take sums and differences of up to three carried
		// values.
		operands.addAll(extremes(3));
		for (int i = 0; i < 200; i++) {
			long[] sum = new long[Field25519.LIMBS];
			Field25519.add(sum, randomElement(), randomElement());
			Field25519.subtract(sum, sum, randomElement());
			operands.add(sum);
			operands.add(randomElement());
		}
		return operands;
	}

	@Test
	void productsAndSquaresAreExactUpToSumsOfThreeCarriedValues() {
		List<long[]> operands = operands();
		long[] out = new long[Field25519.LIMBS];
		for (long[] f : extremes(3)) {
			for (long[] g : operands) {
				Field25519.multiply(out, f, g);
				assertThat(value(out)).isEqualTo(value(f).multiply(value(g)).mod(P));
				assertCarried(out);
			}
		}
		for (int i = 0; i < operands.size(); i++) {
			long[] f = operands.get(i);
			long[] g = operands.get((i * 7 + 3) % operands.size());
			Field25519.multiply(out, f, g);
			assertThat(value(out)).isEqualTo(value(f).multiply(value(g)).mod(P));
			assertCarried(out);
			Field25519.square(out, f);
			assertThat(value(out)).isEqualTo(value(f).pow(2).mod(P));
			assertCarried(out);
			Field25519.multiplySmall(out, f, 121665);
			assertThat(value(out)).isEqualTo(value(f).multiply(BigInteger.valueOf(121665)).mod(P));
			assertCarried(out);
		}
	}

	static void assertCarried(long[] f) {
		for (int i = 0; i < Field25519.LIMBS; i++) {
			assertThat(Math.abs(f[i])).as("limb " + i).isLessThan((1L << (26 - (i & 1))) + (1L << 18));
		}
	}

	@Test
	void anOutputMayBeAnInput() {
		long[] f = randomElement();
		long[] g = randomElement();
		BigInteger expected = value(f).multiply(value(g)).mod(P);
		Field25519.multiply(f, f, g);
		assertThat(value(f)).isEqualTo(expected);
		expected = expected.multiply(value(g)).mod(P);
		Field25519.multiply(g, f, g);
		assertThat(value(g)).isEqualTo(expected);
	}

	@Test
	void encodingIsCanonical() {
		List<long[]> operands = operands();
		// p - 1, p, p + 1 and 2^255 - 1 as limbs
		for (String hex : List.of("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
			operands.add(Field25519.decode(X25519Tests.hex(hex)));
		}
		for (long[] f : operands) {
			byte[] encoded = Field25519.encode(f);
			assertThat(decoded(encoded)).isEqualTo(value(f));
		}
	}

	@Test
	void inversion() {
		for (int i = 0; i < 50; i++) {
			long[] f = randomElement();
			long[] inverse = new long[Field25519.LIMBS];
			Field25519.invert(inverse, f);
			assertThat(value(inverse)).isEqualTo(value(f).modInverse(P));
		}
		long[] zero = new long[Field25519.LIMBS];
		Field25519.invert(zero, zero);
		assertThat(value(zero)).isZero();
	}

	@Test
	void conditionalSwap() {
		long[] f = randomElement();
		long[] g = randomElement();
		long[] f0 = f.clone();
		long[] g0 = g.clone();
		Field25519.conditionalSwap(f, g, 0);
		assertThat(f).isEqualTo(f0);
		assertThat(g).isEqualTo(g0);
		Field25519.conditionalSwap(f, g, 1);
		assertThat(f).isEqualTo(g0);
		assertThat(g).isEqualTo(f0);
	}

}
