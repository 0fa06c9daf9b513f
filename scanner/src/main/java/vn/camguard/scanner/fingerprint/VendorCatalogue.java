package vn.camguard.scanner.fingerprint;

import vn.camguard.scanner.data.Tsv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The vendor families of {@code vendors.tsv}, looked up by canonical name or by any alias. */
public record VendorCatalogue(List<VendorFamily> families) {

	public VendorCatalogue {
		families = List.copyOf(families);
	}

	public static VendorCatalogue load() {
		return new VendorCatalogue(Tsv.load("vendors.tsv").rows().stream().map(r -> new VendorFamily(r.get(0),
				split(r.get(1)), split(r.get(2)), r.get(3), split(r.get(4)),
				r.get(5).equals("-") ? Optional.empty() : Optional.of(r.get(5)),
				split(r.get(6)).stream().map(Integer::parseInt).toList())).toList());
	}

	/** The family a reported vendor name belongs to (case-insensitive, aliases included). */
	public Optional<VendorFamily> family(String reported) {
		String name = reported.strip().toLowerCase(Locale.ROOT);
		if (name.isEmpty()) {
			return Optional.empty();
		}
		// Plain loops: asked several times per device, where a stream pipeline cost more than the comparisons.
		for (VendorFamily family : families) {
			if (family.vendor().equalsIgnoreCase(name)) {
				return Optional.of(family);
			}
			for (String alias : family.aliases()) {
				if (alias.equalsIgnoreCase(name)) {
					return Optional.of(family);
				}
			}
		}
		return Optional.empty();
	}

	/** The canonical spelling of a reported vendor name; unknown names are kept as reported. */
	public String canonical(String reported) {
		return family(reported).map(VendorFamily::vendor).orElse(reported.strip());
	}

	private static List<String> split(String cell) {
		return cell.equals("-") || cell.isEmpty() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::strip).toList();
	}

}
