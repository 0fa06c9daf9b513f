package vn.camguard.products.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a registered product from a vendor and a model as people type them: any case, spaces,
 * dashes, dots or slashes, Vietnamese diacritics, a lens or variant note in parentheses, a white-label
 * brand instead of the maker, the maker's model prefix left out or added, a model with or without its
 * variant suffix. A pure function of its inputs: nothing is looked up while matching.
 *
 * <p>Ambiguity is never guessed away: when two products fit equally well, there is no match.
 */
public final class ProductMatching {

	/** The longest variant suffix taken as "the same model" (e.g. "-IS" after "DS-2CD2143G2-I"). */
	static final int MAX_SUFFIX = 4;

	/** Shortest model key matched with a suffix; shorter keys ("DS", "IPC") name a series, not a model. */
	static final int MIN_PREFIX_MATCH = 6;

	/** A registered product as matching sees it. */
	public record Candidate(long productId, long vendorId, String model) {
	}

	/** How a product was recognised, as evidence for the user. */
	public enum How {
		/** Same model once case, spaces and punctuation are ignored. */
		EXACT,
		/** The typed model carries or lacks a variant suffix (or the maker's prefix). */
		VARIANT,
		/** An officer confirmed the product matching found. */
		CONFIRMED,
		/** An officer chose another product than matching found (or none). */
		CORRECTED
	}

	/**
	 * @param productId the product recognised
	 * @param how how the model matched
	 * @param vendorName the maker the typed vendor resolved to
	 * @param byAlias the typed vendor was a white-label or brand name of the maker (or was left out)
	 */
	public record Match(long productId, How how, String vendorName, boolean byAlias) {
	}

	private final List<VendorNames> vendors;

	private final List<Candidate> products;

	public ProductMatching(List<VendorNames> vendors, List<Candidate> products) {
		this.vendors = List.copyOf(vendors);
		this.products = List.copyOf(products);
	}

	/** The text reduced to what identifies it: letters and digits, upper case, no diacritics, no notes. */
	public static String key(String text) {
		if (text == null) {
			return "";
		}
		String withoutNotes = text.replaceAll("\\([^)]*\\)|\\[[^]]*\\]", " ");
		String ascii = Normalizer.normalize(withoutNotes.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	/** The maker a typed vendor names, directly or by one of its brands; the longest name found wins. */
	public Optional<VendorMatch> vendor(String typed) {
		String typedKey = key(typed);
		if (typedKey.isEmpty()) {
			return Optional.empty();
		}
		VendorMatch best = null;
		int bestLength = 0;
		for (VendorNames vendor : vendors) {
			List<String> names = new ArrayList<>();
			names.add(vendor.name());
			names.addAll(vendor.aliases());
			for (String name : names) {
				String nameKey = key(name);
				if (nameKey.length() < 2 || !typedKey.contains(nameKey)) {
					continue;
				}
				// an exact name beats one found inside a longer text ("Camera KBVision chính hãng")
				int score = nameKey.equals(typedKey) ? Integer.MAX_VALUE : nameKey.length();
				if (score > bestLength) {
					bestLength = score;
					best = new VendorMatch(vendor, !name.equals(vendor.name()));
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/** A resolved vendor; {@code byAlias} when it was named by a brand rather than the maker's name. */
	public record VendorMatch(VendorNames vendor, boolean byAlias) {
	}

	public Optional<Match> match(String typedVendor, String typedModel) {
		Optional<VendorMatch> vendor = vendor(typedVendor);
		List<VendorNames> searched = vendor.map(v -> List.of(v.vendor())).orElse(vendors);
		if (vendor.isEmpty() && !key(typedVendor).isEmpty()) {
			// a vendor we do not know: the model alone must not pull in another maker's product
			return Optional.empty();
		}
		List<Scored> scored = new ArrayList<>();
		for (VendorNames maker : searched) {
			List<String> typedKeys = modelKeys(typedModel, maker);
			for (Candidate product : products) {
				if (product.vendorId() != maker.id()) {
					continue;
				}
				for (String productKey : modelKeys(product.model(), maker)) {
					for (String typedKey : typedKeys) {
						score(typedKey, productKey).ifPresent(distance -> scored.add(new Scored(product, maker, distance)));
					}
				}
			}
		}
		if (scored.isEmpty()) {
			return Optional.empty();
		}
		scored.sort(Comparator.comparingInt(Scored::distance));
		Scored best = scored.getFirst();
		boolean tie = scored.stream()
			.anyMatch(other -> other.distance() == best.distance() && other.product().productId() != best.product().productId());
		if (tie) {
			return Optional.empty();
		}
		boolean byAlias = vendor.map(VendorMatch::byAlias).orElse(true);
		return Optional.of(new Match(best.product().productId(), best.distance() == 0 ? How.EXACT : How.VARIANT,
				best.maker().name(), byAlias));
	}

	private record Scored(Candidate product, VendorNames maker, int distance) {
	}

	/** The model's key, and the key without the maker's prefix when it carries one. */
	private static List<String> modelKeys(String model, VendorNames maker) {
		String key = key(model);
		List<String> keys = new ArrayList<>();
		if (key.isEmpty()) {
			return keys;
		}
		keys.add(key);
		for (String prefix : maker.modelPrefixes()) {
			String prefixKey = key(prefix);
			if (!prefixKey.isEmpty() && key.startsWith(prefixKey) && key.length() > prefixKey.length()) {
				keys.add(key.substring(prefixKey.length()));
			}
		}
		return keys;
	}

	/** 0 for the same model, the suffix length for a variant, empty for another model. */
	private static Optional<Integer> score(String typed, String product) {
		if (typed.equals(product)) {
			return Optional.of(0);
		}
		String shorter = typed.length() < product.length() ? typed : product;
		String longer = shorter == typed ? product : typed;
		int suffix = longer.length() - shorter.length();
		if (shorter.length() >= MIN_PREFIX_MATCH && suffix <= MAX_SUFFIX && longer.startsWith(shorter)) {
			return Optional.of(suffix);
		}
		return Optional.empty();
	}

}
