package vn.camguard.products.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One requirement: plain-language text in Vietnamese and English, the ETSI EN 303 645 provisions it
 * corresponds to (the key that maps one catalogue onto another), the scanner checks that can
 * disprove it over the network (none: a lab, documents or the unit must answer), and whether its
 * wording was verified against a source quoting the regulation.
 */
public record CatalogueItem(long id, String groupCode, String code, String textVi, String textEn,
		List<String> etsiProvisions, List<String> scannerChecks, boolean verified, String source,
		OffsetDateTime updatedAt, String updatedBy) {

	public CatalogueItem {
		etsiProvisions = List.copyOf(etsiProvisions);
		scannerChecks = List.copyOf(scannerChecks);
	}

	/** A network scan can verify the item when at least one scanner check tests it. */
	public boolean scanVerifiable() {
		return !scannerChecks.isEmpty();
	}

	public String text(String language) {
		return "en".equals(language) ? textEn : textVi;
	}

}
