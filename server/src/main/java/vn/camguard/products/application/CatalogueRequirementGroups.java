package vn.camguard.products.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.products.RequirementGroups;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueGroup;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.persistence.Catalogues;

/** {@link RequirementGroups} from the catalogues' items and the scanner checks each lists (public regulations: no
 * caller check). */
@Service
public class CatalogueRequirementGroups implements RequirementGroups {

	private final Catalogues catalogues;

	/**
	 * The groups last built, for the day and catalogue version they were built from: every findings page and export
	 * asks, and building them reads every catalogue whole (three queries per catalogue).
	 */
	private volatile Built last;

	private record Built(LocalDate day, Catalogues.Version version, CheckGroups groups) {
	}

	public CatalogueRequirementGroups(Catalogues catalogues) {
		this.catalogues = catalogues;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckGroups inForceOn(LocalDate day) {
		Catalogues.Version version = catalogues.version();
		Built built = last;
		if (built != null && built.day().equals(day) && built.version().equals(version)) {
			return built.groups();
		}
		CheckGroups groups = build(day);
		last = new Built(day, version, groups);
		return groups;
	}

	private CheckGroups build(LocalDate day) {
		return catalogues.all()
			.stream()
			.filter(catalogue -> catalogue.inForceOn(day))
			.max(Comparator.comparing(Catalogue::validFrom))
			.map(CatalogueRequirementGroups::groupsOf)
			.orElse(CheckGroups.none());
	}

	private static CheckGroups groupsOf(Catalogue catalogue) {
		Map<String, List<String>> byCheck = new LinkedHashMap<>();
		for (CatalogueGroup group : catalogue.groups()) {
			for (CatalogueItem item : group.items()) {
				for (String check : item.scannerChecks()) {
					List<String> groups = byCheck.computeIfAbsent(check, c -> new ArrayList<>());
					if (!groups.contains(group.code())) {
						groups.add(group.code());
					}
				}
			}
		}
		byCheck.replaceAll((check, groups) -> List.copyOf(groups));
		return new CheckGroups(catalogue.code(), byCheck);
	}

}
