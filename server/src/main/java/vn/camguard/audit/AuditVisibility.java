package vn.camguard.audit;

import java.util.Set;

/**
 * Which entries a reader may see: those of units under the given roots (expanded through the
 * unit closure table) and, when {@code unitless} is true, entries tied to no unit (e.g. a failed
 * sign-in with an unknown name), which only readers at the top of the tree see.
 */
public record AuditVisibility(Set<Long> unitRoots, boolean unitless) {

	public AuditVisibility {
		unitRoots = Set.copyOf(unitRoots);
	}

}
