package vn.camguard.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.wire.Connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner library's internal packages (wire, tls, check, scan, ...) are not API: code outside the scanner
 * module (this command line; later the platform server) uses only the types listed here, and those show no
 * internal type in their public members, so the library can change its insides without breaking its users.
 */
class ArchitectureTests {

	/** Packages whose public types are all API: the request, the scanner, its results, targets and reports. */
	static final Set<String> API_PACKAGES = Set.of("vn.camguard.scanner", "vn.camguard.scanner.target",
			"vn.camguard.scanner.report");

	/**
	 * API types in otherwise internal packages, with the types nested in them: an option of a request, and LAN
	 * discovery before a scan.
	 */
	static final Set<String> API_TYPES = Set.of("vn.camguard.scanner.credentials.LoginPacing",
			"vn.camguard.scanner.discovery.WsDiscovery");

	static final DescribedPredicate<JavaClass> SCANNER_INTERNALS = DescribedPredicate.describe(
			"internal classes of the scanner (not in " + API_PACKAGES + " nor one of " + API_TYPES + ")",
			type -> !isApi(type));

	/** Whether code outside the scanner may use this type: it is not the scanner's, or it is its API. */
	static boolean isApi(JavaClass type) {
		if (!type.getPackageName().equals("vn.camguard.scanner")
				&& !type.getPackageName().startsWith("vn.camguard.scanner.")) {
			return true;
		}
		String name = type.getName();
		String outermost = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
		return API_PACKAGES.contains(type.getPackageName()) || API_TYPES.contains(outermost);
	}

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

	@Test
	void theApiShowsNoInternalTypeInItsPublicMembers() {
		JavaClasses library = new ClassFileImporter()
				.withImportOption(location -> !location.contains("/test-classes/"))
				.importPackages("vn.camguard.scanner");
		List<String> leaks = new ArrayList<>();
		for (JavaClass type : library) {
			if (!type.getModifiers().contains(JavaModifier.PUBLIC) || !isApi(type)) {
				continue;
			}
			for (JavaMember member : type.getMembers()) {
				if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
					continue;
				}
				List<JavaType> shown = new ArrayList<>();
				if (member instanceof JavaCodeUnit code) {
					shown.add(code.getReturnType());
					shown.addAll(code.getParameterTypes());
				}
				else if (member instanceof JavaField field) {
					shown.add(field.getType());
				}
				shown.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).filter(t -> !isApi(t))
						.forEach(t -> leaks.add(member.getFullName() + " shows " + t.getName()));
			}
		}
		assertThat(leaks).isEmpty();
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
