package vn.camguard.inventory.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person or an import file says about a device, before it is checked. {@link #normalised}
 * applies the inventory's field rules (required fields, lengths, MAC/IP/port syntax) in one place
 * for the edit form, the REST API and the import.
 *
 * @param unitId owning unit
 * @param systemId information system the device serves, or null
 * @param siteId site where it is installed, or null
 * @param kind camera or recorder
 * @param status life-cycle status
 * @param name a human label (e.g. "Cổng chính"), optional
 * @param vendor manufacturer as written on the device
 * @param model model designation
 * @param firmware firmware version last known
 * @param serial serial number, unique per vendor
 * @param mac hardware address, unique across the inventory
 * @param address IP address or host name
 * @param openPorts known open TCP ports
 * @param procurementDate date of purchase (ngày mua sắm)
 * @param supplier who sold it (nhà cung cấp)
 * @param coRef certificate of origin reference (C/O)
 * @param cqRef certificate of quality reference (C/Q)
 * @param qcvn135Certificate QCVN 135:2024/BTTTT conformity certificate number (giấy chứng nhận hợp quy)
 */
public record DeviceDraft(Long unitId, Long systemId, Long siteId, DeviceKind kind, DeviceStatus status, String name,
		String vendor, String model, String firmware, String serial, String mac, String address, String openPorts,
		LocalDate procurementDate, String supplier, String coRef, String cqRef, String qcvn135Certificate) {

	/**
	 * This draft with every text trimmed and MAC, address and ports in their stored form; each broken
	 * rule is added to {@code problems} (the returned draft is then only good for showing back).
	 */
	public DeviceDraft normalised(List<InvalidValue> problems) {
		if (unitId == null) {
			problems.add(new InvalidValue("unit_code", "required", null));
		}
		if (kind == null) {
			problems.add(new InvalidValue("kind", "required", null));
		}
		String cleanVendor = text("vendor", vendor, 100, true, problems);
		String cleanSerial = text("serial", serial, 100, true, problems);
		String cleanMac = blankToNull(mac);
		if (cleanMac != null) {
			cleanMac = MacAddress.normalise(cleanMac).orElse(null);
			if (cleanMac == null) {
				problems.add(new InvalidValue("mac", "mac", mac));
			}
		}
		String cleanAddress = blankToNull(address);
		if (cleanAddress != null) {
			cleanAddress = NetworkAddress.normalise(cleanAddress).orElse(null);
			if (cleanAddress == null) {
				problems.add(new InvalidValue("address", "address", address));
			}
		}
		String cleanPorts = OpenPorts.normalise(openPorts).orElse(null);
		if (cleanPorts == null) {
			problems.add(new InvalidValue("open_ports", "ports", openPorts));
		}
		if (procurementDate != null && (procurementDate.getYear() < 1990 || procurementDate.getYear() > 2100)) {
			problems.add(new InvalidValue("procurement_date", "date", procurementDate.toString()));
		}
		return new DeviceDraft(unitId, systemId, siteId, kind, status == null ? DeviceStatus.ACTIVE : status,
				text("name", name, 200, false, problems), cleanVendor, text("model", model, 100, false, problems),
				text("firmware", firmware, 100, false, problems), cleanSerial, cleanMac, cleanAddress,
				cleanPorts == null || cleanPorts.isEmpty() ? null : cleanPorts, procurementDate,
				text("supplier", supplier, 200, false, problems), text("co_ref", coRef, 100, false, problems),
				text("cq_ref", cqRef, 100, false, problems),
				text("qcvn135_certificate", qcvn135Certificate, 100, false, problems));
	}

	private static String text(String field, String value, int maxLength, boolean required,
			List<InvalidValue> problems) {
		return Texts.clean(field, value, maxLength, required, problems);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
