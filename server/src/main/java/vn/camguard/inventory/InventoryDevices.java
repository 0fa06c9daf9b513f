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

	/** The devices with these ids that exist, whoever asks (for data kept in step with the inventory). */
	List<DeviceFacts> unscoped(java.util.Collection<Long> deviceIds);

	/** Every device of every unit, whoever asks (for a periodic check that derived data is in step). */
	List<DeviceFacts> everyDevice();

	/** The devices with these ids the caller may read; the others are absent. */
	List<DeviceFacts> readable(java.util.Collection<Long> deviceIds);

	/**
	 * Inventory entries the caller may read that a scan's device may be: the same network address, MAC or serial
	 * (each optional). A suggestion only: an officer confirms it.
	 */
	List<DeviceFacts> matching(String address, String mac, String serial);

	/**
	 * Adds a device a network scan found, as the caller's {@code INVENTORY_WRITE} on the unit allows (else
	 * {@link org.springframework.security.access.AccessDeniedException}), by the inventory's rules and audited as
	 * any device creation.
	 *
	 * @throws Refused when the data breaks an inventory rule (serial missing or taken, bad MAC, unknown site...)
	 */
	DeviceFacts add(NewDevice device);

	/**
	 * A device to add, as a scan and the officer adopting it describe it.
	 *
	 * @param recorder a recorder (NVR/DVR) rather than a camera
	 * @param openPorts comma-separated TCP ports, or null
	 */
	record NewDevice(long unitId, Long systemId, Long siteId, boolean recorder, String name, String vendor, String model,
			String firmware, String serial, String mac, String address, String openPorts) {
	}

	/** A device the inventory's rules refuse: each problem a field and a code of {@code i18n/inventory}. */
	final class Refused extends RuntimeException {

		private final List<Problem> problems;

		public Refused(List<Problem> problems) {
			super("inventory rules broken: " + problems);
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return problems;
		}

		public record Problem(String field, String code) {
		}

	}

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
