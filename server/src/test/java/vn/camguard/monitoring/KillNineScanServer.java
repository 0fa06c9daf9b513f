package vn.camguard.monitoring;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.camguard.CamGuardApplication;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The whole application for {@link KillNineScanTests}, started by that test as a server process of its own (so that
 * it can be killed with SIGKILL): with {@code -Dkill9.setup=true} it first makes a province, an ISP and the ISP's
 * operator; then it prints a line on standard output.
 */
public final class KillNineScanServer {

	static final String PROVINCE = "K9";

	static final String ISP = "K9-ISP";

	static final String OPERATOR = "k9.operator";

	static final String PASSWORD = "Kill-9-giua-quet-x";

	static final String READY = "KILL-NINE-SCAN-SERVER-READY";

	private KillNineScanServer() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(CamGuardApplication.class, args);
		if (Boolean.getBoolean("kill9.setup")) {
			OrganizationSetup setup = context.getBean(OrganizationSetup.class);
			setup.ensureUnit(PROVINCE, "Tỉnh thử kill -9", "PROVINCE", null);
			UnitRef isp = setup.ensureUnit(ISP, "ISP thử kill -9", "ISP", PROVINCE);
			setup.grant(setup.ensureUser(OPERATOR, "Nhân viên ISP thử", isp.id(), PASSWORD, false),
					Role.ISP_OPERATOR, isp.id());
		}
		System.out.println(READY);
		System.out.flush();
	}

}
