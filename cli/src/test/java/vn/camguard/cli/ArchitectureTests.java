package vn.camguard.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.wire.Connector;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner library's internal packages (wire, tls, check, scan, ...) are not API: code outside the scanner
 * module (this command line; later the platform server) uses only the types listed here, so the library can
 * change its insides without breaking its users.
 */
class ArchitectureTests {

	/** Packages whose public types are all API: the request, the scanner, its results, targets and reports. */
	static final Set<String> API_PACKAGES = Set.of("vn.camguard.scanner", "vn.camguard.scanner.target",
			"vn.camguard.scanner.report");

	/** API types in otherwise internal packages: options of a request, and LAN discovery before a scan. */
	static final Set<String> API_TYPES = Set.of("vn.camguard.scanner.credentials.LoginPacing",
			"vn.camguard.scanner.credentials.LoginPacing$Timeline", "vn.camguard.scanner.discovery.WsDiscovery",
			"vn.camguard.scanner.discovery.WsDiscovery$ProbeMatch");

	static final DescribedPredicate<JavaClass> SCANNER_INTERNALS = DescribedPredicate.describe(
			"internal classes of the scanner (not in " + API_PACKAGES + " nor one of " + API_TYPES + ")",
			type -> type.getPackageName().startsWith("vn.camguard.scanner")
					&& !API_PACKAGES.contains(type.getPackageName()) && !API_TYPES.contains(type.getName()));

	static final ArchRule ONLY_THE_SCANNER_API = noClasses().that().resideOutsideOfPackage("vn.camguard.scanner..")
			.should().dependOnClassesThat(SCANNER_INTERNALS);

	// Builds use per-helper output folders (target-<name>/test-classes): any test-classes folder is left out.
	final JavaClasses commandLine = new ClassFileImporter()
			.withImportOption(location -> !location.contains("/test-classes/"))
			.importPackages("vn.camguard.cli");

	@Test
	void theCommandLineUsesOnlyTheScannersApi() {
		assertThat(commandLine).isNotEmpty();
		ONLY_THE_SCANNER_API.check(commandLine);
	}

	@Test
	void theRuleRefusesACallerOfAnInternalPackage() {
		JavaClasses callers = new ClassFileImporter().importClasses(ReachesIntoTheWire.class, UsesTheApi.class);
		assertThat(ONLY_THE_SCANNER_API.evaluate(callers).getFailureReport().getDetails())
				.isNotEmpty()
				.allMatch(line -> line.contains(ReachesIntoTheWire.class.getSimpleName()))
				.anyMatch(line -> line.contains(Connector.class.getName()));
	}

	static final class ReachesIntoTheWire {

		Class<?> internal() {
			return Connector.class;
		}

	}

	static final class UsesTheApi {

		boolean alive(DeviceReport report) {
			return report.alive();
		}

	}

}
