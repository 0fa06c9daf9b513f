package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an assessment under one catalogue proves under another: each item of the target catalogue
 * with the items of the source catalogue that share an ETSI EN 303 645 provision with it. An item
 * without such a partner is what is still missing; a source item without a partner no longer counts.
 * Provisions match exactly ("5.2" is not "5.2-1"), so an item made stricter in the new catalogue
 * can be keyed to a finer provision and show as missing; the admin edits the provisions to correct.
 */
public record CatalogueMapping(Catalogue from, Catalogue to, List<Row> rows, List<CatalogueItem> droppedItems) {

	/** A target item and the source items that carry over to it, through which provisions. */
	public record Row(CatalogueItem target, List<CatalogueItem> sources, Set<String> via) {

		public boolean carriesOver() {
			return !sources.isEmpty();
		}

	}

	public static CatalogueMapping between(Catalogue from, Catalogue to) {
		List<Row> rows = new ArrayList<>();
		Set<Long> used = new LinkedHashSet<>();
		for (CatalogueItem target : to.items()) {
			List<CatalogueItem> sources = new ArrayList<>();
			Set<String> via = new LinkedHashSet<>();
			for (CatalogueItem source : from.items()) {
				List<String> shared = source.etsiProvisions()
					.stream()
					.filter(target.etsiProvisions()::contains)
					.toList();
				if (!shared.isEmpty()) {
					sources.add(source);
					via.addAll(shared);
					used.add(source.id());
				}
			}
			rows.add(new Row(target, sources, via));
		}
		List<CatalogueItem> dropped = from.items().stream().filter(item -> !used.contains(item.id())).toList();
		return new CatalogueMapping(from, to, rows, dropped);
	}

	public long carried() {
		return rows.stream().filter(Row::carriesOver).count();
	}

	public List<Row> missing() {
		return rows.stream().filter(row -> !row.carriesOver()).toList();
	}

}
