package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A product as a form or an API call gives it. The vendor is a name as typed (a white-label brand
 * resolves to its maker).
 */
public record ProductDraft(Long unitId, String vendor, String model, String kind, String countryOfOrigin,
		String hsCode, String coRef, String cqRef) {

	/** A Vietnamese HS code: 4 digits, then optional groups of 2 (8525.89.90, 85258990). */
	private static final Pattern HS_CODE = Pattern.compile("\\d{4}(\\.?\\d{2}){0,3}");

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (unitId == null) {
			problems.add(new Problem("unitId", "products.problem.unit"));
		}
		if (ItemCorrection.blank(vendor)) {
			problems.add(new Problem("vendor", "products.problem.vendor"));
		}
		if (ItemCorrection.blank(model) || model.strip().length() > 100) {
			problems.add(new Problem("model", "products.problem.model"));
		}
		if (productKind() == null) {
			problems.add(new Problem("kind", "products.problem.kind"));
		}
		if (!ItemCorrection.blank(hsCode) && !HS_CODE.matcher(hsCode.strip()).matches()) {
			problems.add(new Problem("hsCode", "products.problem.hs-code"));
		}
		for (String text : new String[] { countryOfOrigin, coRef, cqRef }) {
			if (text != null && text.strip().length() > 200) {
				problems.add(new Problem("coRef", "products.problem.too-long"));
				break;
			}
		}
		return problems;
	}

	public ProductKind productKind() {
		try {
			return kind == null ? null : ProductKind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
