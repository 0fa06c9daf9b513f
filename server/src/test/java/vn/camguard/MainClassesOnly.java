package vn.camguard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes of the server only. ArchUnit's own {@code DoNotIncludeTests} expects Maven's
 * {@code target/test-classes}, but each CamGuard developer builds into its own {@code target-*} folder. The scanner
 * and lab modules are libraries on the server's class path, not server modules: their own tests keep their rules.
 */
public final class MainClassesOnly implements ImportOption {

	private static final java.util.regex.Pattern OTHER_MODULES = java.util.regex.Pattern
		.compile(".*(/(scanner|lab|cli)/target[^/]*/|camguard-(scanner|lab|cli)-[^/]*\\.jar).*");

	@Override
	public boolean includes(Location location) {
		return !location.contains("/test-classes/") && !location.matches(OTHER_MODULES);
	}

}
