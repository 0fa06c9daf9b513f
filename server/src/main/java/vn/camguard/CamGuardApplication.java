package vn.camguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CamGuard web platform: one province's view of its cameras and their safety. */
@SpringBootApplication
public class CamGuardApplication {

	public static void main(String[] args) {
		SpringApplication.run(CamGuardApplication.class, args);
	}

}
