package vn.camguard.lab.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The TLS 1.2 PRF with SHA-256 (RFC 5246 §5) and what the handshake derives with it. */
final class KeySchedule {

	static final int MASTER_SECRET_BYTES = 48;

	static final int VERIFY_DATA_BYTES = 12;

	private KeySchedule() {
	}

	/** RFC 7627 when {@code extended}: the session hash replaces the two randoms. */
	static byte[] masterSecret(byte[] preMaster, boolean extended, byte[] sessionHash, byte[] clientRandom,
			byte[] serverRandom) throws GeneralSecurityException {
		return extended ? prf(preMaster, "extended master secret", sessionHash, MASTER_SECRET_BYTES)
				: prf(preMaster, "master secret", concat(clientRandom, serverRandom), MASTER_SECRET_BYTES);
	}

	/**
	 * The write keys and IVs of {@code aead} (RFC 5246 §6.3, no MAC keys for an AEAD): client key, server key,
	 * client IV, server IV.
	 */
	static Keys keys(Records.Aead aead, byte[] master, byte[] clientRandom, byte[] serverRandom)
			throws GeneralSecurityException {
		int key = aead.keyBytes;
		int iv = aead.ivBytes;
		byte[] block = prf(master, "key expansion", concat(serverRandom, clientRandom), 2 * (key + iv));
		return new Keys(
				new Records.Protection(aead, Arrays.copyOfRange(block, 0, key),
						Arrays.copyOfRange(block, 2 * key, 2 * key + iv)),
				new Records.Protection(aead, Arrays.copyOfRange(block, key, 2 * key),
						Arrays.copyOfRange(block, 2 * key + iv, 2 * key + 2 * iv)));
	}

	static byte[] verifyData(byte[] master, boolean client, byte[] transcriptHash) throws GeneralSecurityException {
		return prf(master, client ? "client finished" : "server finished", transcriptHash, VERIFY_DATA_BYTES);
	}

	/** Both directions' record protection, fresh for one connection. */
	record Keys(Records.Protection client, Records.Protection server) {
	}

	static byte[] prf(byte[] secret, String label, byte[] seed, int length)
			throws NoSuchAlgorithmException, InvalidKeyException {
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
		byte[] labelAndSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
		byte[] out = new byte[length];
		byte[] a = labelAndSeed;
		for (int filled = 0; filled < length;) {
			a = hmac.doFinal(a);
			hmac.update(a);
			byte[] chunk = hmac.doFinal(labelAndSeed);
			int n = Math.min(chunk.length, length - filled);
			System.arraycopy(chunk, 0, out, filled, n);
			filled += n;
		}
		return out;
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
