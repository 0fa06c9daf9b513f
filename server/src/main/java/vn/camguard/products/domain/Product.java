package vn.camguard.products.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A registered model: its maker, who maintains the record (a vendor unit), its trade data, the
 * firmware versions published for it and its certificates.
 */
public record Product(long id, long ownerUnitId, long vendorId, String vendorName, String model, ProductKind kind,
		String countryOfOrigin, String hsCode, String coRef, String cqRef, List<Firmware> firmware,
		List<Certificate> certificates, OffsetDateTime updatedAt) {

	public Product {
		firmware = List.copyOf(firmware);
		certificates = List.copyOf(certificates);
	}

	public Optional<Firmware> latestFirmware() {
		return firmware.stream().filter(Firmware::latest).findFirst();
	}

	/** The editable part, for the edit form and the audit trail. */
	public ProductDraft draft() {
		return new ProductDraft(ownerUnitId, vendorName, model, kind == null ? null : kind.name(), countryOfOrigin,
				hsCode, coRef, cqRef);
	}

}
