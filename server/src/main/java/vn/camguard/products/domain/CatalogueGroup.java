package vn.camguard.products.domain;

import java.util.List;

/** A requirement group of a catalogue, numbered as published (e.g. "1" for unique passwords). */
public record CatalogueGroup(long id, String code, String nameVi, String nameEn, List<CatalogueItem> items) {

	public CatalogueGroup {
		items = List.copyOf(items);
	}

}
