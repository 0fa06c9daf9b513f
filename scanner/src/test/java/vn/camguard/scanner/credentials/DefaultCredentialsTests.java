package vn.camguard.scanner.credentials;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.fingerprint.VendorCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultCredentialsTests {

	final DefaultCredentials credentials = DefaultCredentials.load(VendorCatalogue.load());

	@Test
	void factoryAccountsComeFromTheCsvUnderCanonicalVendorNames() {
		assertThat(credentials.factory("Hikvision")).first().isEqualTo(new Credential("admin", "12345"));
		assertThat(credentials.factory("XiongMai")).first().isEqualTo(new Credential("admin", ""));
		assertThat(credentials.factory("Dahua")).doesNotContain(new Credential("888888", "888888"));
		assertThat(credentials.factory("Hanwha")).contains(new Credential("admin", "4321"));
	}

	@Test
	void thePlanIsShortOrderedAndWithinTheBudget() {
		var plan = credentials.plan("Axis", 10);
		assertThat(plan).hasSize(10);
		assertThat(plan.getFirst().credential()).isEqualTo(new Credential("root", "pass"));
		assertThat(plan.subList(1, 6)).allMatch(a -> a.kind() == DefaultCredentials.Kind.WEAK
				&& a.credential().username().equals("root"));
		assertThat(credentials.plan("Axis", 3)).hasSize(3);
		assertThat(credentials.plan("Axis", 0)).isEmpty();
		assertThat(credentials.plan("Nobody Inc", 10)).hasSize(5)
				.allMatch(a -> a.credential().username().equals("admin"));
	}

}
