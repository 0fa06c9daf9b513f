package vn.camguard.organization.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory;

/** The demo province: the unit codes the inventory demo relies on, one user per role, idempotent. */
@SpringBootTest
class DemoProvinceTests {

	@Autowired
	OrganizationSetup setup;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	UnitDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsTheDemoTreeAndOneUserPerRoleOnce() {
		DemoProvince demo = new DemoProvince(setup, directory, transaction, "Tỉnh Thái Nguyên");
		demo.run(new DefaultApplicationArguments());
		for (String code : List.of("TN", "TN-STTTT", "TN-CA", "TN-SYT", "TN-TPTN", "TN-TPTN-PQT", "TN-PY", "TN-PY-BS",
				"TN-VNPT", "TN-VENDOR-HIK", "TN-QLTT")) {
			assertThat(directory.findByCode(code)).as(code).isPresent();
		}
		assertThat(directory.findByCode("TN-PY-BS").orElseThrow().parentId())
			.isEqualTo(directory.findByCode("TN-PY").orElseThrow().id());
		long users = countDemoUsers();
		long demoEntries = countDemoEntries();

		demo.run(new DefaultApplicationArguments());
		assertThat(countDemoUsers()).isEqualTo(users);
		assertThat(countDemoEntries()).as("a second run changes nothing").isEqualTo(demoEntries);
		List<String> roles = jdbc.sql("""
				SELECT DISTINCT g.role FROM organization_grant g JOIN organization_user u ON u.id = g.user_id
				WHERE u.username LIKE 'demo.%' AND u.must_change_password = TRUE""").query(String.class).list();
		assertThat(roles).containsExactlyInAnyOrder(java.util.Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
	}

	private long countDemoEntries() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE actor = 'system'
				AND (after_json LIKE '%"demo.%' OR after_json LIKE '%"code":"TN%')""").query(Long.class).single();
	}

	private long countDemoUsers() {
		return jdbc.sql("SELECT COUNT(*) FROM organization_user WHERE username LIKE 'demo.%'").query(Long.class).single();
	}

}
