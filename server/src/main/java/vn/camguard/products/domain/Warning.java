package vn.camguard.products.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An authority's warning against a camera model, or against a range of its firmware, reaching the
 * devices of one province.
 *
 * @param firmwareFrom first warned firmware (inclusive), or null for "up to {@code firmwareTo}"
 * @param firmwareTo last warned firmware (inclusive), or null for "from {@code firmwareFrom} on"
 * @param authority who warned (e.g. the Ministry of Public Security's A05)
 * @param issuedOn when the authority warned
 * @param reference the document (official letter number, advisory id)
 */
public record Warning(long id, long provinceUnitId, long vendorId, String vendorName, String model,
		String firmwareFrom, String firmwareTo, String authority, LocalDate issuedOn, String reference, String reason,
		Severity severity, String createdBy, OffsetDateTime createdAt) {

	/** Every firmware of the model is warned. */
	public boolean wholeModel() {
		return firmwareFrom == null && firmwareTo == null;
	}

	/**
	 * Whether the firmware lies in the warned range; an unrecorded firmware does not, since nothing says
	 * the device runs a warned version (the model alone is then shown, not the warning).
	 */
	public boolean coversFirmware(String firmware) {
		if (wholeModel()) {
			return true;
		}
		if (firmware == null || firmware.isBlank()) {
			return false;
		}
		return (firmwareFrom == null || FirmwareVersions.ORDER.compare(firmwareFrom, firmware) <= 0)
				&& (firmwareTo == null || FirmwareVersions.ORDER.compare(firmware, firmwareTo) <= 0);
	}

	/**
	 * Whether a device named so (vendor, model as typed or as an officer confirmed them) running this
	 * firmware is warned: the model is recognised as tolerantly as the registry recognises products.
	 */
	public boolean reaches(List<VendorNames> vendors, String vendor, String model, String firmware) {
		ProductMatching matching = new ProductMatching(vendors,
				List.of(new ProductMatching.Candidate(id, vendorId, this.model)));
		return matching.match(vendor, model).isPresent() && coversFirmware(firmware);
	}

}
