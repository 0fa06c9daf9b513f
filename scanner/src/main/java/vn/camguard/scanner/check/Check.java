package vn.camguard.scanner.check;

import vn.camguard.scanner.Finding;

import java.util.List;

/**
 * One check: a pure function of what the device said ({@link DeviceObservations}). It sends nothing; every request
 * went out in the device's probe sequence (DeviceScan). Each has a stable id (or two closely related ones) and
 * returns at most one finding per weakness.
 */
public interface Check {

	/** The stable ids of the findings this check can produce. */
	List<String> ids();

	List<Finding> evaluate(DeviceObservations device);

}
