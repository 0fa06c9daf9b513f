package vn.camguard.lab.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets made ahead sign exactly as the JDK's SHA256withECDSA verifies, and neither a nonce nor a key share
 * is ever handed out twice, from the stock or made on the spot once it is empty.
 */
class HandshakeSecretsTests {

	ECPrivateKey signingKey;

	PublicKey certificateKey;

	@BeforeEach
	void loadTheLabCertificate() throws Exception {
		char[] password = "camguard-lab".toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = HandshakeSecretsTests.class.getResourceAsStream("/vn/camguard/lab/tls/lab-device.p12")) {
			store.load(in, password);
		}
		String alias = store.aliases().nextElement();
		signingKey = (ECPrivateKey) store.getKey(alias, password);
		certificateKey = store.getCertificate(alias).getPublicKey();
	}

	@Test
	void signaturesVerifyWithTheCertificateAndNeverRepeatANonce() throws Exception {
		HandshakeSecrets secrets = new HandshakeSecrets(signingKey);
		secrets.prepare(40);
		assertThat(secrets.inStock()).isEqualTo(40);
		byte[] clientRandom = "client random, thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
		byte[] serverRandom = "server random, thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
		byte[] params = HexFormat.of().parseHex("03001d20" + "11".repeat(32));
		Set<String> signatures = new HashSet<>();
		// 100 signatures: 40 from the stock, 60 with nonces made on the spot
		for (int i = 0; i < 100; i++) {
			params[4 + i % 32] ^= (byte) i;
			byte[] signature = secrets.sign(clientRandom, serverRandom, params);
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(certificateKey);
			verifier.update(clientRandom);
			verifier.update(serverRandom);
			verifier.update(params);
			assertThat(verifier.verify(signature)).as("signature %d", i).isTrue();
			signatures.add(HexFormat.of().formatHex(signature, 0, 4 + signature[3]));
		}
		assertThat(secrets.inStock()).isZero();
		assertThat(signatures).as("distinct r values, so distinct nonces").hasSize(100);
	}

	@Test
	void aSignatureOverOtherBytesDoesNotVerify() throws Exception {
		HandshakeSecrets secrets = new HandshakeSecrets(signingKey);
		secrets.prepare(1);
		byte[] signature = secrets.sign("the parameters sent".getBytes(StandardCharsets.US_ASCII));
		Signature verifier = Signature.getInstance("SHA256withECDSA");
		verifier.initVerify(certificateKey);
		verifier.update("other parameters".getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(signature)).isFalse();
	}

	@Test
	void keySharesAreFreshX25519KeysEachTime() throws Exception {
		HandshakeSecrets secrets = new HandshakeSecrets(signingKey);
		secrets.prepare(10);
		Set<String> publicKeys = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			var keyShare = secrets.x25519KeyShare();
			assertThat(keyShare.point()).hasSize(32);
			publicKeys.add(HexFormat.of().formatHex(keyShare.point()));
		}
		assertThat(publicKeys).hasSize(25);
	}

}
