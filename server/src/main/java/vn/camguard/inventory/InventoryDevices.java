package vn.camguard.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may read about inventoried devices: the facts a product registry needs to
 * recognise them. {@link #readable} and {@link #allReadable} are scoped like every inventory read: a
 * device outside the caller's {@code INVENTORY_READ} units is absent, so ids of other units cannot be
 * probed through them. {@link #allUnder} is not scoped by the caller; it serves consequences the
 * platform applies on an authority's behalf (a warning marks the devices of the whole province) and
 * its result must never be shown to a caller as it is.
 */
public interface InventoryDevices {

	Optional<DeviceFacts> readable(long deviceId);

	/** Every device the caller may read, by id. */
	List<DeviceFacts> allReadable();

	/** Every device of the unit and its subtree, whoever asks. */
	List<DeviceFacts> allUnder(long unitId);

	/**
	 * @param id device id
	 * @param unitId owning unit
	 * @param vendor vendor as typed by the unit, or null
	 * @param model model as typed, or null
	 * @param firmware firmware version as typed, or null
	 * @param unitName owning unit's name
	 * @param systemId information system, or null
	 * @param siteId site, or null
	 * @param serial serial number
	 * @param mac normalised MAC address, or null
	 * @param address network address, or null
	 */
	record DeviceFacts(long id, long unitId, String vendor, String model, String firmware, String unitName,
			Long systemId, Long siteId, String serial, String mac, String address) {

		public DeviceFacts(long id, long unitId, String vendor, String model, String firmware) {
			this(id, unitId, vendor, model, firmware, null, null, null, null, null, null);
		}

	}

}
