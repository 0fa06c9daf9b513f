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
	void aKnownVendorGetsAllItsFactoryAccountsBeforeWeakPasswordsWithinTheBudget() {
		var plan = credentials.plan("Axis", 10);
		assertThat(plan).hasSize(10);
		assertThat(plan.subList(0, 6)).extracting(DefaultCredentials.Attempt::credential)
				.containsExactlyElementsOf(credentials.factory("Axis"));
		assertThat(plan.subList(6, 10)).allMatch(a -> a.kind() == DefaultCredentials.Kind.WEAK
				&& a.credential().username().equals("root"));
		assertThat(credentials.plan("Axis", 3)).hasSize(3);
		assertThat(credentials.plan("Axis", 0)).isEmpty();
	}

	@Test
	void anUnknownVendorGetsTheMostCommonFactoryAccountsFirst() {
		var plan = credentials.plan("Nobody Inc", 10);
		assertThat(plan).hasSize(10);
		// Counted in camera-default-credentials.csv: admin/admin is named for the most vendors, then admin/12345
		// (Hikvision, ACTi, 3xLogic, Panasonic, Planet), then admin with no password.
		assertThat(plan.subList(0, 3)).extracting(DefaultCredentials.Attempt::credential).containsExactly(
				new Credential("admin", "admin"), new Credential("admin", "12345"), new Credential("admin", ""));
		assertThat(plan.subList(0, 5)).allMatch(a -> a.kind() == DefaultCredentials.Kind.FACTORY);
		assertThat(plan).filteredOn(a -> a.kind() == DefaultCredentials.Kind.WEAK)
				.allMatch(a -> a.credential().username().equals("admin")).isNotEmpty();
		assertThat(plan).doesNotHaveDuplicates();
	}

}
