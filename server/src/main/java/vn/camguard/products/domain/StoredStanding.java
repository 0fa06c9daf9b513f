package vn.camguard.products.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;

/**
 * A device's standing as stored for filtering, with copies of the inputs it was computed from. The
 * copies make staleness checkable without recomputing: when the device's vendor, model, firmware or
 * unit, the officer's decision that applies to it, or the CVE list differ from them, the row is stale.
 * Registry changes (products, certificates, firmware, warnings) recompute the rows of the maker they
 * concern when they happen, and the passing of a certificate's dates on {@code recheckOn}.
 *
 * @param decision the officer's decision that applied, or null
 * @param decidedProductId the product that decision named, or null
 * @param cveList the fingerprint of the CVE list used
 * @param vendorId the maker the device resolved to, or null
 * @param productId the product recognised, or null
 * @param certificateId the valid certificate, or the one that expired last, or null
 * @param catalogue the catalogue that certificate was issued under, or null
 * @param warningId the most severe warning reaching the device, or null
 * @param cveMaxCvss the highest CVSS score among its known CVEs, or null
 * @param recheckOn the first day a certificate starts or lapses, or null
 */
public record StoredStanding(long deviceId, long unitId, String vendor, String model, String firmware,
		ProductMatching.How decision, Long decidedProductId, String cveList, Long vendorId, Long productId,
		ProductMatching.How matchHow, boolean matchByAlias, CertificationStatus certification, Long certificateId,
		String catalogue, boolean warned, Long warningId, FirmwareStatus firmwareState, int cveCount,
		BigDecimal cveMaxCvss, LocalDate recheckOn, OffsetDateTime computedAt) {

	/** Whether the row was computed from exactly these inputs. */
	public boolean computedFrom(long unitId, String vendor, String model, String firmware, MatchDecision decision,
			String cveList) {
		return this.unitId == unitId && Objects.equals(this.vendor, vendor) && Objects.equals(this.model, model)
				&& Objects.equals(this.firmware, firmware)
				&& this.decision == (decision == null ? null : decision.how())
				&& Objects.equals(decidedProductId, decision == null ? null : decision.productId())
				&& this.cveList.equals(cveList);
	}

	/** The same standing, whenever computed. */
	public StoredStanding withoutTime() {
		return new StoredStanding(deviceId, unitId, vendor, model, firmware, decision, decidedProductId, cveList,
				vendorId, productId, matchHow, matchByAlias, certification, certificateId, catalogue, warned,
				warningId, firmwareState, cveCount, cveMaxCvss == null ? null : cveMaxCvss.stripTrailingZeros(),
				recheckOn, null);
	}

}
