package vn.camguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** House rules Modulith does not check (java-style.md and the team guide). */
class ArchitectureTests {

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(new MainClassesOnly())
			.importPackages("vn.camguard");
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(classes);
	}

	@Test
	void controllersLiveInWebPackages() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideOutsideOfPackage("..web..")
			.check(classes);
	}

	/**
	 * The scanner is embedded through its public API: its root package, plus the target list and scope types that
	 * its {@code ScanRequest} is built from. Its internals (checks, wire, TLS) stay its own.
	 */
	@Test
	void theServerUsesOnlyTheScannersApi() {
		noClasses().should()
			.dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("internal classes of the scanner",
					target -> target.getPackageName().startsWith("vn.camguard.scanner.")
							&& !target.getName().equals("vn.camguard.scanner.target.Targets")
							&& !target.getName().equals("vn.camguard.scanner.target.Scope")))
			.check(classes);
	}

	@Test
	void noLegacyDates() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date").check(classes);
	}

	@Test
	void onlyTheOneTimePasswordPrinterWritesToTheConsole() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("vn.camguard.organization.setup.OneTimePasswordPrinter")
			.should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.check(classes);
	}

	@Test
	void nothingInTheApplicationChangesOrDeletesAuditEntries() throws java.io.IOException {
		try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = java.nio.file.Files.readString(file).toUpperCase(java.util.Locale.ROOT);
				org.assertj.core.api.Assertions.assertThat(source)
					.as(file.toString())
					.doesNotContain("UPDATE AUDIT_ENTRY")
					.doesNotContain("DELETE FROM AUDIT_ENTRY")
					.doesNotContain("TRUNCATE TABLE AUDIT");
			}
		}
	}

	@Test
	void servicesDoNotPrintStackTraces() {
		noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
	}

}
