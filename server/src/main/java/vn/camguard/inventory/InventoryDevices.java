package vn.camguard.inventory;

import java.util.Optional;

/**
 * What other modules may read about one inventoried device: the facts a product registry needs to
 * recognise it. Scoped like every inventory read: a device outside the caller's
 * {@code INVENTORY_READ} units is absent, so ids of other units cannot be probed through it.
 */
public interface InventoryDevices {

	Optional<DeviceFacts> readable(long deviceId);

	/**
	 * @param id device id
	 * @param unitId owning unit
	 * @param vendor vendor as typed by the unit, or null
	 * @param model model as typed, or null
	 * @param firmware firmware version as typed, or null
	 */
	record DeviceFacts(long id, long unitId, String vendor, String model, String firmware) {
	}

}
