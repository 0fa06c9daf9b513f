package vn.camguard.inventory;

import java.util.List;

/**
 * Devices were created or edited (vendor, model, firmware or unit may differ now), published inside the
 * transaction that changed them so that a listener keeping derived data in step commits or rolls back with
 * the change. A deleted device is not announced: data derived from it references it and goes with it.
 *
 * @param deviceIds the devices created or edited
 */
public record DevicesChanged(List<Long> deviceIds) {

	public DevicesChanged {
		deviceIds = List.copyOf(deviceIds);
	}

}
