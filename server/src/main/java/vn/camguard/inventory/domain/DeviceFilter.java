package vn.camguard.inventory.domain;

/**
 * What the device list is narrowed to; every part is optional (null or blank = no restriction).
 *
 * @param search a serial or name (any case), MAC or network address naming devices exactly, or else part
 *        of the serial, MAC, model, address or name (case-insensitive)
 * @param unitId only this unit and its subtree (still within the caller's scope)
 * @param vendor exact vendor
 * @param systemId only devices of this information system
 * @param siteId only devices at this site
 * @param status only this status
 * @param kind only cameras or only recorders
 */
public record DeviceFilter(String search, Long unitId, String vendor, Long systemId, Long siteId, DeviceStatus status,
		DeviceKind kind) {

	public DeviceFilter {
		search = search == null || search.isBlank() ? null : search.strip();
		if (search != null && search.length() > 100) {
			search = search.substring(0, 100);
		}
		vendor = vendor == null || vendor.isBlank() ? null : vendor.strip();
	}

	public static DeviceFilter none() {
		return new DeviceFilter(null, null, null, null, null, null, null);
	}

}
