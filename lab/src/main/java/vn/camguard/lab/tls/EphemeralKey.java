package vn.camguard.lab.tls;

import vn.camguard.curve25519.X25519;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

/**
 * The server's ECDHE key share of one full handshake (RFC 8422 §5.4): the point it sends, and the premaster secret
 * it agrees on with the client's point.
 */
sealed interface EphemeralKey {

	/** The encoded point of the ServerKeyExchange: 32 bytes for x25519, an uncompressed point for secp256r1. */
	byte[] point();

	/** The premaster secret with the client's encoded point; a point the curve refuses fails the handshake. */
	byte[] agree(byte[] clientPoint) throws GeneralSecurityException;

	/** An x25519 key (RFC 7748): 32 random bytes and their public key. */
	record X25519Key(byte[] privateKey, byte[] point) implements EphemeralKey {

		static X25519Key fresh(SecureRandom random) {
			byte[] privateKey = new byte[X25519.KEY_BYTES];
			random.nextBytes(privateKey);
			return new X25519Key(privateKey, X25519.publicKey(privateKey));
		}

		@Override
		public byte[] agree(byte[] clientPoint) throws GeneralSecurityException {
			return X25519.sharedSecret(privateKey, clientPoint);
		}

	}

	/** A secp256r1 key, made and used through the JDK (rare: the scanner and JSSE both prefer x25519). */
	record Secp256r1Key(KeyPair pair) implements EphemeralKey {

		static Secp256r1Key fresh() throws GeneralSecurityException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return new Secp256r1Key(generator.generateKeyPair());
		}

		/** The 65-byte point ends the SubjectPublicKeyInfo. */
		@Override
		public byte[] point() {
			byte[] encoded = pair.getPublic().getEncoded();
			return Arrays.copyOfRange(encoded, encoded.length - 65, encoded.length);
		}

		/** The client's point wrapped in the same SubjectPublicKeyInfo prefix as this key's. */
		@Override
		public byte[] agree(byte[] clientPoint) throws GeneralSecurityException {
			byte[] encoded = pair.getPublic().getEncoded();
			byte[] clientKey = Arrays.copyOf(encoded, encoded.length);
			System.arraycopy(clientPoint, 0, clientKey, encoded.length - 65, 65);
			PublicKey client = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(clientKey));
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(pair.getPrivate());
			agreement.doPhase(client, true);
			return agreement.generateSecret();
		}

	}

}
