package vn.camguard.curve25519;

import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.KeyAgreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The own x25519 against the vectors of RFC 7748 and against the JDK's implementation. */
class X25519Tests {

	static final HexFormat HEX = HexFormat.of();

	/** x25519 public keys as X.509 SubjectPublicKeyInfo (RFC 8410): this prefix, then the 32 key bytes. */
	static final byte[] KEY_INFO_PREFIX = HEX.parseHex("302a300506032b656e032100");

	static byte[] hex(String hex) {
		return HEX.parseHex(hex);
	}

	static byte[] nine() {
		byte[] u = new byte[32];
		u[0] = 9;
		return u;
	}

	@Test
	void theScalarMultiplicationVectorsOfRfc7748() throws Exception {
		assertThat(X25519.sharedSecret(hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
				hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")))
			.isEqualTo(hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"));
		// This u has its top bit set, which decodeUCoordinate masks.
		assertThat(X25519.sharedSecret(hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
				hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")))
			.isEqualTo(hex("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"));
	}

	@Test
	void theIteratedVectorOfRfc7748AfterOneAndAThousandIterations() throws Exception {
		byte[] k = nine();
		byte[] u = nine();
		for (int i = 1; i <= 1000; i++) {
			byte[] next = X25519.sharedSecret(k, u);
			if (i == 1) {
				assertThat(next).isEqualTo(hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
				// The first round is X25519(9, 9): the fixed-base path must agree.
				assertThat(X25519.publicKey(k)).isEqualTo(next);
			}
			u = k;
			k = next;
		}
		assertThat(k).isEqualTo(hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
	}

	@Test
	void theDiffieHellmanVectorsOfRfc7748() throws Exception {
		byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
		byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
		byte[] alicePublic = X25519.publicKey(alice);
		byte[] bobPublic = X25519.publicKey(bob);
		assertThat(alicePublic).isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
		assertThat(bobPublic).isEqualTo(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
		byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
		assertThat(X25519.sharedSecret(alice, bobPublic)).isEqualTo(shared);
		assertThat(X25519.sharedSecret(bob, alicePublic)).isEqualTo(shared);
	}

	@Test
	void keyGenerationMatchesTheJdk() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
		generator.initialize(NamedParameterSpec.X25519, new SecureRandom());
		for (int i = 0; i < 2000; i++) {
			KeyPair pair = generator.generateKeyPair();
			byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
			byte[] encoded = pair.getPublic().getEncoded();
			assertThat(X25519.publicKey(scalar)).as(HEX.formatHex(scalar))
				.isEqualTo(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
		}
	}

	@Test
	void agreementMatchesTheJdk() throws Exception {
		Random random = new Random(7748);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
		for (int i = 0; i < 2000; i++) {
			byte[] scalar = new byte[32];
			random.nextBytes(scalar);
			byte[] u;
			if (i % 2 == 0) {
				// A peer's real public key, a point on the curve.
				byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
				u = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
			}
			else {
				// Any 32 bytes, also off the curve (on its twist) and with the top bit set.
				u = new byte[32];
				random.nextBytes(u);
			}
			assertThat(X25519.sharedSecret(scalar, u)).as(HEX.formatHex(scalar) + " " + HEX.formatHex(u))
				.isEqualTo(jdkAgreement(scalar, u));
		}
	}

	@Test
	void aUCoordinateIsTakenModuloP() throws Exception {
		byte[] scalar = hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
		// p + 9 and 2^255 - 1 = p + 18, the only non-canonical values with a representative this small.
		assertThat(X25519.sharedSecret(scalar, hex("f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))
			.isEqualTo(X25519.sharedSecret(scalar, nine()));
		byte[] eighteen = new byte[32];
		eighteen[0] = 18;
		assertThat(X25519.sharedSecret(scalar, hex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))
			.isEqualTo(X25519.sharedSecret(scalar, eighteen));
	}

	@Test
	void aPointOfSmallOrderIsRefused() throws Exception {
		List<String> smallOrder = List.of(
				// 0 and 1
				"0000000000000000000000000000000000000000000000000000000000000000",
				"0100000000000000000000000000000000000000000000000000000000000000",
				// the two points of order 8
				"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
				"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
				// p - 1, and p and p + 1 (0 and 1 not reduced)
				"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				// 0 with the top bit set, which is masked
				"0000000000000000000000000000000000000000000000000000000000000080");
		Random random = new Random(761);
		for (String u : smallOrder) {
			byte[] scalar = new byte[32];
			random.nextBytes(scalar);
			// The JDK refuses each too: they are of small order indeed.
			assertThatThrownBy(() -> jdkAgreement(scalar, hex(u))).as(u).isInstanceOf(InvalidKeyException.class);
			assertThatThrownBy(() -> X25519.sharedSecret(scalar, hex(u))).as(u)
				.isInstanceOf(InvalidKeyException.class)
				.hasMessageContaining("small order");
		}
	}

	@Test
	void keysOfAnotherLengthAreRefused() {
		assertThatThrownBy(() -> X25519.sharedSecret(new byte[32], new byte[31])).isInstanceOf(InvalidKeyException.class);
		assertThatThrownBy(() -> X25519.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theInputsAreNotChanged() throws Exception {
		byte[] scalar = new byte[32];
		Arrays.fill(scalar, (byte) 0xff);
		byte[] u = hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
		X25519.publicKey(scalar);
		X25519.sharedSecret(scalar, u);
		assertThat(scalar).containsOnly((byte) 0xff);
		assertThat(u).isEqualTo(hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
	}

	/** The JDK's X25519(k, u), with the keys as the TLS client used to hand them over. */
	static byte[] jdkAgreement(byte[] scalar, byte[] u) throws GeneralSecurityException {
		KeyFactory keys = KeyFactory.getInstance("X25519");
		PrivateKey own = keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
		byte[] keyInfo = Arrays.copyOf(KEY_INFO_PREFIX, KEY_INFO_PREFIX.length + 32);
		System.arraycopy(u, 0, keyInfo, KEY_INFO_PREFIX.length, 32);
		KeyAgreement agreement = KeyAgreement.getInstance("X25519");
		agreement.init(own);
		agreement.doPhase(keys.generatePublic(new X509EncodedKeySpec(keyInfo)), true);
		return agreement.generateSecret();
	}

}
