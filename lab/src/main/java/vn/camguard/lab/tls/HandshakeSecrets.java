package vn.camguard.lab.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The two secrets a full handshake spends, made before the handshake needs them: the server's x25519 key
 * share and the nonce of its ECDSA signature. Each is used by one handshake only, so every handshake still
 * has its own ephemeral key and its own nonce, exactly as when they are made on the spot.
 * <p>
 * Why ahead: the lab's devices share the benchmark machine's cores with the scanner under test, while a real
 * camera spends its own CPU. Both secrets are a scalar multiplication of a curve's base point, among the
 * dearest parts of a handshake in a C1-compiled JVM (the x25519 one less so since it takes the fixed-base
 * table of {@code curve25519}: 22 µs against the JDK's 113 µs), and making a stock of them while the lab
 * starts keeps that cost out of a scan. When the stock runs out they are made on the spot.
 * <p>
 * ECDSA (FIPS 186-4 §6.4) with a nonce made earlier: {@code r = (kG).x mod n} and {@code k⁻¹} are kept; at
 * signing time {@code s = k⁻¹(z + r·d) mod n}, with {@code z} the SHA-256 of the signed bytes.
 */
final class HandshakeSecrets {

	/** A nonce ready for one signature: r, k⁻¹ mod n, and k⁻¹·r·d mod n. */
	private record Nonce(BigInteger r, BigInteger inverse, BigInteger inverseTimesRd) {
	}

	private final ECPrivateKey signingKey;

	private final BigInteger order;

	private final ConcurrentLinkedQueue<EphemeralKey.X25519Key> keyShares = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Nonce> nonces = new ConcurrentLinkedQueue<>();

	private final SecureRandom random = new SecureRandom();

	HandshakeSecrets(ECPrivateKey signingKey) {
		this.signingKey = signingKey;
		this.order = signingKey.getParams().getOrder();
		if (order.bitLength() != 256) {
			// z is the whole SHA-256 only when n has 256 bits (P-256, the lab's certificate)
			throw new IllegalArgumentException("the signing key is not on a 256-bit curve");
		}
	}

	/** Makes the secrets of {@code handshakes} full handshakes now. */
	void prepare(int handshakes) throws GeneralSecurityException {
		KeyPairGenerator ec = ecGenerator();
		for (int i = 0; i < handshakes; i++) {
			keyShares.add(EphemeralKey.X25519Key.fresh(random));
			nonces.add(nonce(ec));
		}
	}

	/** Secrets in stock, for tests: key shares and nonces. */
	int inStock() {
		return Math.min(keyShares.size(), nonces.size());
	}

	/** A fresh x25519 key pair, never handed out before. */
	EphemeralKey.X25519Key x25519KeyShare() {
		EphemeralKey.X25519Key ready = keyShares.poll();
		return ready != null ? ready : EphemeralKey.X25519Key.fresh(random);
	}

	/** SHA256withECDSA over {@code parts} in order, DER-encoded as JSSE's {@code Signature} would give it. */
	byte[] sign(byte[]... parts) throws GeneralSecurityException {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (byte[] part : parts) {
			sha256.update(part);
		}
		BigInteger z = new BigInteger(1, sha256.digest());
		while (true) {
			Nonce nonce = nonces.poll();
			if (nonce == null) {
				nonce = nonce(ecGenerator());
			}
			BigInteger s = nonce.inverse().multiply(z).add(nonce.inverseTimesRd()).mod(order);
			if (s.signum() != 0) {
				return der(nonce.r(), s);
			}
			// s = 0 happens with probability 1/n; the next nonce will do
		}
	}

	private KeyPairGenerator ecGenerator() throws GeneralSecurityException {
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(signingKey.getParams());
		return ec;
	}

	/** k is a fresh private key of the curve (uniform in [1, n-1]); kG is its public point. */
	private Nonce nonce(KeyPairGenerator ec) {
		while (true) {
			KeyPair pair = ec.generateKeyPair();
			BigInteger k = ((ECPrivateKey) pair.getPrivate()).getS();
			BigInteger r = ((ECPublicKey) pair.getPublic()).getW().getAffineX().mod(order);
			if (r.signum() != 0) {
				BigInteger inverse = k.modInverse(order);
				return new Nonce(r, inverse, inverse.multiply(r).multiply(signingKey.getS()).mod(order));
			}
		}
	}

	/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279); both fit short-form lengths. */
	private static byte[] der(BigInteger r, BigInteger s) {
		byte[] rBytes = r.toByteArray();
		byte[] sBytes = s.toByteArray();
		byte[] der = new byte[6 + rBytes.length + sBytes.length];
		der[0] = 0x30;
		der[1] = (byte) (4 + rBytes.length + sBytes.length);
		der[2] = 0x02;
		der[3] = (byte) rBytes.length;
		System.arraycopy(rBytes, 0, der, 4, rBytes.length);
		der[4 + rBytes.length] = 0x02;
		der[5 + rBytes.length] = (byte) sBytes.length;
		System.arraycopy(sBytes, 0, der, 6 + rBytes.length, sBytes.length);
		return der;
	}

}
