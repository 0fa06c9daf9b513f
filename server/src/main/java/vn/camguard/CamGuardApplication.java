package vn.camguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The CamGuard web platform: one province's view of its cameras and their safety. */
// the shared kernel is a dependency every module may have without listing it in allowedDependencies
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class CamGuardApplication {

	public static void main(String[] args) {
		SpringApplication.run(CamGuardApplication.class, args);
	}

}
