package vn.camguard.products.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A requirement catalogue (a regulation in one version) with its validity and its groups.
 *
 * @param code stable key, e.g. {@code QCVN135_2024}; certificates and assessments name it
 * @param validUntil last day in force, or null while in force
 */
public record Catalogue(long id, String code, String titleVi, String titleEn, String issuedBy, LocalDate validFrom,
		LocalDate validUntil, String source, List<CatalogueGroup> groups) {

	public Catalogue {
		groups = List.copyOf(groups);
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	public List<CatalogueItem> items() {
		return groups.stream().flatMap(group -> group.items().stream()).toList();
	}

	public Optional<CatalogueItem> item(long itemId) {
		return items().stream().filter(item -> item.id() == itemId).findFirst();
	}

	public String title(String language) {
		return "en".equals(language) ? titleEn : titleVi;
	}

}
