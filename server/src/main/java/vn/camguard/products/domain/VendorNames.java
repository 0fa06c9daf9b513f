package vn.camguard.products.domain;

import java.util.List;

/**
 * A camera maker and the names its products are also sold under, as matching needs them.
 *
 * @param aliases white-label, OEM and sub-brand names (e.g. KBVision and Imou for Dahua)
 * @param modelPrefixes prefixes the maker puts before some model names and people leave out (e.g. "DH-")
 */
public record VendorNames(long id, String name, List<String> aliases, List<String> modelPrefixes) {

	public VendorNames {
		aliases = List.copyOf(aliases);
		modelPrefixes = List.copyOf(modelPrefixes);
	}

}
