package vn.camguard.organization.setup;

import java.security.SecureRandom;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.unit.UnitStore;
import vn.camguard.organization.user.PasswordPolicy;
import vn.camguard.organization.user.UserStore;

/**
 * No default passwords: on the very first start (no user at all) creates the province unit from
 * configuration and the user {@code admin} as its province administrator, with a random password
 * printed once and a forced change at first sign-in.
 */
@Component
@Order(5)
class FirstStart implements ApplicationRunner {

	private final OrganizationSetup setup;

	private final UserStore users;

	private final UnitStore units;

	private final TransactionTemplate transaction;

	private final String provinceCode;

	private final String provinceName;

	FirstStart(OrganizationSetup setup, UserStore users, UnitStore units, TransactionTemplate transaction,
			@Value("${camguard.province.code:TN}") String provinceCode,
			@Value("${camguard.province.name:Tỉnh Thái Nguyên}") String provinceName) {
		this.setup = setup;
		this.users = users;
		this.units = units;
		this.transaction = transaction;
		this.provinceCode = provinceCode;
		this.provinceName = provinceName;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = transaction.execute(status -> {
			if (users.count() > 0) {
				return null;
			}
			var province = units.findByCode(provinceCode)
				.map(u -> u.ref())
				.orElseGet(() -> setup.ensureUnit(provinceCode, provinceName, "PROVINCE", null));
			String secret = PasswordPolicy.random(new SecureRandom());
			long admin = setup.ensureUser("admin", "Quản trị tỉnh", province.id(), secret, true);
			setup.grant(admin, Role.PROVINCE_ADMIN, province.id());
			return secret;
		});
		if (password != null) {
			new OneTimePasswordPrinter().print("CamGuard: tài khoản quản trị đầu tiên / first administrator",
					List.of(new OneTimePasswordPrinter.Credential("admin", Role.PROVINCE_ADMIN.name(), provinceCode,
							password)));
		}
	}

}
