package vn.camguard.scanner;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.NetworkChannel;

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

	/**
	 * Checks judge what the device said and send nothing: they see neither the live clients of a device scan nor
	 * anything that opens a connection (issue 16, layout). The probe sequence (DeviceScan) does all the asking.
	 */
	@Test
	void checksArePureFunctionsOfTheObservations() {
		noClasses().that().implement(vn.camguard.scanner.check.Check.class).should().dependOnClassesThat()
			.haveNameMatching("vn\\.camguard\\.scanner\\.(check\\.DeviceClients|http\\.HttpProbe|rtsp\\.RtspSession"
					+ "|wire\\.Connector|wire\\.TlsChannel|tls\\.LegacyTls|discovery\\..*)|java\\.net\\.(Socket|DatagramSocket)"
					+ "|java\\.nio\\.channels\\..*|javax\\.net\\..*")
			.check(scanner);
		noClasses().that().haveFullyQualifiedName("vn.camguard.scanner.check.DeviceObservations").should()
			.dependOnClassesThat().haveNameMatching("vn\\.camguard\\.scanner\\.(check\\.DeviceClients|http\\.HttpProbe"
					+ "|wire\\.Connector|onvif\\.OnvifClient)")
			.check(scanner);
	}

	/**
	 * Every read and connect has a deadline that cannot be forgotten: only the Connector opens sockets (and so
	 * sets their connect and read timeouts) or changes a TCP socket's timeout (issue 16, layout).
	 */
	@Test
	void onlyTheConnectorOpensSocketsOrSetsTheirTimeouts() {
		DescribedPredicate<JavaAccess<?>> opensOrTimesSockets = DescribedPredicate.describe(
				"opens a socket or sets a TCP socket's timeout", access -> {
					JavaClass owner = access.getTargetOwner();
					String name = access.getName();
					return name.equals("<init>") && (owner.isAssignableTo(Socket.class)
							|| owner.isAssignableTo(DatagramSocket.class) || owner.isAssignableTo(ServerSocket.class))
							|| name.equals("open") && (owner.isAssignableTo(NetworkChannel.class)
									|| owner.isAssignableTo(java.nio.channels.spi.SelectorProvider.class))
							|| name.equals("createSocket") && owner.isAssignableTo(SocketFactory.class)
							|| name.equals("setSoTimeout") && owner.isAssignableTo(Socket.class);
				});
		noClasses().that().doNotHaveFullyQualifiedName(vn.camguard.scanner.wire.Connector.class.getName())
			.should().accessTargetWhere(opensOrTimesSockets)
			.check(scanner);
	}

	@Test
	void noCommandLineParsing() {
		noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(scanner);
	}

}
