package vn.camguard.scanner;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The scanner library stays embeddable: it uses neither the lab (only its tests do) nor Spring, and never
 * writes to the standard streams (the command line, module cli, does).
 */
class ArchitectureTests {

	// Builds use per-helper output folders (target-<name>/test-classes), which the predefined Maven
	// option does not recognise; any test-classes folder is left out.
	final JavaClasses scanner = new ClassFileImporter()
			.withImportOption(location -> !location.contains("/test-classes/"))
			.importPackages("vn.camguard.scanner");

	@Test
	void theLibraryDoesNotUseTheLab() {
		noClasses().should().dependOnClassesThat().resideInAPackage("vn.camguard.lab..").check(scanner);
	}

	@Test
	void noSpringAnywhereInTheScanner() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(scanner);
	}

	@Test
	void noSystemOutOrErr() {
		noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(scanner);
	}

	@Test
	void noCommandLineParsing() {
		noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(scanner);
	}

}
