package vn.camguard;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The whole application for {@link UploadBombTests}, started by that test in a JVM of its own with a
 * small heap: a province with an administrator who may import, then a line on standard output.
 */
public final class UploadBombServer {

	static final String ADMIN = "bomb.admin";

	static final String PASSWORD = "Bom-XLSX-thu-29x";

	static final String UNIT = "BOMB";

	static final String READY = "UPLOAD-BOMB-SERVER-READY";

	private UploadBombServer() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(CamGuardApplication.class, args);
		OrganizationSetup setup = context.getBean(OrganizationSetup.class);
		UnitRef province = setup.ensureUnit(UNIT, "Tỉnh thử tệp bom", "PROVINCE", null);
		setup.grant(setup.ensureUser(ADMIN, "Quản trị thử", province.id(), PASSWORD, false), Role.PROVINCE_ADMIN,
				province.id());
		System.out.println(READY);
		System.out.flush();
	}

}
