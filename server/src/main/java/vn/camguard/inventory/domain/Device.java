package vn.camguard.inventory.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A camera or recorder in the inventory of a unit, with the names of the things it refers to, as
 * lists, detail pages, exports and the REST API show it.
 *
 * @param id database id
 * @param unitId owning unit
 * @param unitCode its code
 * @param unitName its name
 * @param systemId information system, or null
 * @param systemName its name, or null
 * @param siteId site, or null
 * @param siteName its name, or null
 */
public record Device(long id, long unitId, String unitCode, String unitName, Long systemId, String systemName, Long siteId, String siteName,
		DeviceKind kind, DeviceStatus status, String name, String vendor, String model, String firmware, String serial,
		String mac, String address, String openPorts, LocalDate procurementDate, String supplier, String coRef,
		String cqRef, String qcvn135Certificate, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** The editable part, e.g. to pre-fill the edit form or to compare before and after. */
	public DeviceDraft draft() {
		return new DeviceDraft(unitId, systemId, siteId, kind, status, name, vendor, model, firmware, serial, mac,
				address, openPorts, procurementDate, supplier, coRef, cqRef, qcvn135Certificate);
	}

}
