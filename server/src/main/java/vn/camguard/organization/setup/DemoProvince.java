package vn.camguard.organization.setup;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.user.PasswordPolicy;

/**
 * Demo data ({@code camguard.demo.enabled=true}): the Thái Nguyên tree with departments, a city and
 * a town with their wards and communes, and the outside organisations, plus one demo user per role
 * with a random password printed once. Skipped when the demo users already exist.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "camguard.demo.enabled", havingValue = "true")
class DemoProvince implements ApplicationRunner {

	private static final String[][] UNITS = {
			{ "TN-STTTT", "Sở Thông tin và Truyền thông", "DEPARTMENT", "TN" },
			{ "TN-SYT", "Sở Y tế", "DEPARTMENT", "TN" },
			{ "TN-CA", "Công an tỉnh Thái Nguyên", "POLICE", "TN" },
			{ "TN-TPTN", "Thành phố Thái Nguyên", "DISTRICT", "TN" },
			{ "TN-TPTN-PQT", "Phường Phan Đình Phùng", "COMMUNE", "TN-TPTN" },
			{ "TN-TPTN-QT", "Phường Quang Trung", "COMMUNE", "TN-TPTN" },
			{ "TN-PY", "Thị xã Phổ Yên", "DISTRICT", "TN" },
			{ "TN-PY-BS", "Xã Bãi Bông", "COMMUNE", "TN-PY" },
			{ "TN-VNPT", "VNPT Thái Nguyên", "ISP", "TN" },
			{ "TN-VENDOR-HIK", "Nhà phân phối camera Hikvision (demo)", "VENDOR", "TN" },
			{ "TN-QLTT", "Cục Quản lý thị trường tỉnh Thái Nguyên", "MARKET_MANAGEMENT", "TN" } };

	private static final String[][] USERS = {
			{ "demo.admin", "Quản trị tỉnh (demo)", "PROVINCE_ADMIN", "TN" },
			{ "demo.officer", "Cán bộ CNTT Phổ Yên (demo)", "UNIT_OFFICER", "TN-PY" },
			{ "demo.approver", "Chủ quản Sở Y tế (demo)", "UNIT_APPROVER", "TN-SYT" },
			{ "demo.isp", "Kỹ thuật VNPT (demo)", "ISP_OPERATOR", "TN-VNPT" },
			{ "demo.vendor", "Nhà cung cấp (demo)", "VENDOR", "TN-VENDOR-HIK" },
			{ "demo.market", "Quản lý thị trường (demo)", "MARKET_INSPECTOR", "TN-QLTT" },
			{ "demo.police", "Công an tỉnh (demo)", "POLICE", "TN-CA" },
			{ "demo.auditor", "Kiểm tra viên (demo)", "AUDITOR", "TN" } };

	private final OrganizationSetup setup;

	private final UnitDirectory directory;

	private final TransactionTemplate transaction;

	private final String provinceName;

	DemoProvince(OrganizationSetup setup, UnitDirectory directory, TransactionTemplate transaction,
			@Value("${camguard.province.name:Tỉnh Thái Nguyên}") String provinceName) {
		this.setup = setup;
		this.directory = directory;
		this.transaction = transaction;
		this.provinceName = provinceName;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<OneTimePasswordPrinter.Credential> created = transaction.execute(status -> {
			setup.ensureUnit("TN", provinceName, "PROVINCE", null);
			for (String[] unit : UNITS) {
				setup.ensureUnit(unit[0], unit[1], unit[2], unit[3]);
			}
			List<OneTimePasswordPrinter.Credential> credentials = new ArrayList<>();
			SecureRandom random = new SecureRandom();
			for (String[] user : USERS) {
				if (setup.findUser(user[0]).isPresent()) {
					continue;
				}
				UnitRef unit = directory.findByCode(user[3]).orElseThrow();
				String password = PasswordPolicy.random(random);
				long id = setup.ensureUser(user[0], user[1], unit.id(), password, true);
				setup.grant(id, Role.valueOf(user[2]), unit.id());
				credentials.add(new OneTimePasswordPrinter.Credential(user[0], user[2], user[3], password));
			}
			return credentials;
		});
		if (!created.isEmpty()) {
			new OneTimePasswordPrinter().print("CamGuard demo: một người dùng cho mỗi vai trò / one user per role",
					created);
		}
	}

}
