package vn.camguard.scanner.check;

import vn.camguard.scanner.Finding;

import java.util.List;

/**
 * One non-destructive check. Each has a stable id (or two closely related ones, like the credential
 * check's DEFAULT and WEAK), reads what the device probe gathered, may send a few read-only requests of its
 * own, and returns at most one finding per weakness.
 */
public interface Check {

	/** The stable ids of the findings this check can produce. */
	List<String> ids();

	List<Finding> evaluate(DeviceContext device);

}
