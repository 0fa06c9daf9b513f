package vn.camguard.scanner.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTests {

	@Test
	void digestAnswerMatchesTheRfc2617Example() {
		Challenge challenge = Challenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
				+ "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").orElseThrow();
		String header = Authorization.answer(challenge, new Credential("Mufasa", "Circle Of Life"), "GET",
				"/dir/index.html", "0a4f113b");
		assertThat(header).contains("response=\"6629fae49393a05397450978507c4ef1\"")
				.contains("qop=auth, nc=00000001, cnonce=\"0a4f113b\"")
				.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
	}

	@Test
	void digestWithoutQopUsesTheRfc2069Form() {
		Challenge challenge = Challenge.parse("Digest realm=\"r\", nonce=\"n\"").orElseThrow();
		String header = Authorization.answer(challenge, new Credential("u", "p"), "DESCRIBE", "rtsp://h/s", "c");
		String ha1 = Authorization.md5("u:r:p");
		String ha2 = Authorization.md5("DESCRIBE:rtsp://h/s");
		assertThat(header).contains("response=\"" + Authorization.md5(ha1 + ":n:" + ha2) + "\"").doesNotContain("qop");
	}

	@Test
	void basicIsBase64OfUserColonPassword() {
		assertThat(Authorization.basic(new Credential("Aladdin", "open sesame")))
				.isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
	}

	@Test
	void bestChallengePrefersDigestOverBasic() {
		assertThat(Challenge.best(List.of("Basic realm=\"/\"", "Digest realm=\"Hikvision\", nonce=\"ab\", stale=\"FALSE\"")))
				.get().extracting(Challenge::realm).isEqualTo("Hikvision");
		assertThat(Challenge.best(List.of("Basic realm=\"NETSurveillance\""))).get().matches(Challenge::isBasic);
	}

	@Test
	void garbageChallengesParseToNothingOrHarmlessValues() {
		assertThat(Challenge.parse("")).isEmpty();
		assertThat(Challenge.parse("<script>")).isEmpty();
		assertThat(Challenge.parse("Digest realm=\"unterminated")).get().extracting(Challenge::realm).isEqualTo("unterminated");
		assertThat(Challenge.parse("Digest " + "a=b,".repeat(5000))).get()
				.satisfies(c -> assertThat(c.params()).hasSizeLessThanOrEqualTo(20));
	}

	@Test
	void maskedCredentialsNeverShowThePassword() {
		Credential credential = new Credential("admin", "s3cretPassw0rd");
		assertThat(credential.masked()).isEqualTo("admin:s*****").doesNotContain("s3cret");
		assertThat(credential.toString()).doesNotContain("s3cret");
		assertThat(new Credential("admin", "").masked()).isEqualTo("admin:(empty)");
	}

}
