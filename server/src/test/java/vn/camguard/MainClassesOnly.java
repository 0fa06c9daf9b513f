package vn.camguard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only. ArchUnit's own {@code DoNotIncludeTests} expects Maven's
 * {@code target/test-classes}, but each CamGuard developer builds into its own {@code target-*} folder.
 * The scanner and lab libraries, on the server's test classpath for tests that scan lab devices, are
 * other artifacts with house rules of their own, not server classes.
 */
public final class MainClassesOnly implements ImportOption {

	@Override
	public boolean includes(Location location) {
		return !location.contains("/test-classes/") && !location.contains("/vn/camguard/scanner/")
				&& !location.contains("/vn/camguard/lab/");
	}

}
