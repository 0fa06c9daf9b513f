package vn.camguard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only. ArchUnit's own {@code DoNotIncludeTests} expects Maven's
 * {@code target/test-classes}, but each CamGuard developer builds into its own {@code target-*} folder.
 */
public final class MainClassesOnly implements ImportOption {

	@Override
	public boolean includes(Location location) {
		return !location.contains("/test-classes/");
	}

}
