package vn.camguard.organization.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	@Test
	void acceptsALongUncommonPassword() {
		assertThat(PasswordPolicy.check("nguyenvana", "Cam-bao-ve-2026!")).isEmpty();
	}

	@Test
	void refusesShortCommonAndUsernamePasswords() {
		assertThat(PasswordPolicy.check("nguyenvana", "Abc-123")).containsExactly("password-short");
		assertThat(PasswordPolicy.check("nguyenvana", "Password1234")).containsExactly("password-common");
		assertThat(PasswordPolicy.check("nguyenvana.tn", "NguyenVanA.TN")).containsExactly("password-username");
		assertThat(PasswordPolicy.check("x", "a".repeat(200))).contains("password-long");
	}

	@Test
	void randomPasswordsAreLongDistinctAndPassThePolicy() {
		SecureRandom random = new SecureRandom();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String password = PasswordPolicy.random(random);
			assertThat(password).hasSize(20).doesNotContain("0", "O", "1", "l", "I");
			assertThat(PasswordPolicy.check("admin", password)).isEmpty();
			seen.add(password);
		}
		assertThat(seen).hasSize(200);
	}

}
