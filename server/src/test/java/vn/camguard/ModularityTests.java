package vn.camguard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules use each other only through their root-package API and declared dependencies, without cycles. */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(CamGuardApplication.class, new MainClassesOnly()).verify();
	}

}
