package vn.camguard.products;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.Assessment;
import vn.camguard.products.domain.ItemCorrection;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.persistence.AssessmentRecords;
import vn.camguard.products.persistence.Catalogues;
import vn.camguard.products.persistence.Products;

/**
 * Gives the authorization matrix a product maintained by the request's target unit ({@code {product}})
 * and a throw-away catalogue with one item ({@code {catalogue}}, {@code {catalogueItem}}), so that
 * corrections made by the matrix never touch the shipped catalogues, and an assessment of the target
 * unit under that catalogue ({@code {assessment}}).
 */
@Component
class ProductsMatrixFixture implements AuthorizationMatrixFixture {

	private final Products products;

	private final Catalogues catalogues;

	private final AssessmentRecords assessments;

	ProductsMatrixFixture(Products products, Catalogues catalogues, AssessmentRecords assessments) {
		this.products = products;
		this.catalogues = catalogues;
		this.assessments = assessments;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long dahua = products.vendors().stream().filter(v -> v.name().equals("Dahua")).findFirst().orElseThrow().id();
		long product = products.insert(new ProductDraft(unit.id(), "Dahua", "P-" + fresh, "CAMERA", null, null, null, null),
				dahua, now);
		String code = "T" + fresh;
		long catalogue = catalogues.insertCatalogue(code, "Thử " + fresh, "Test " + fresh, null, LocalDate.of(2026, 1, 1),
				null, "test fixture", now);
		long group = catalogues.ensureGroup(catalogue, "1", 1, "Nhóm", "Group");
		catalogues.insertItemIfAbsent(group, "1.a", 1, new ItemCorrection("Yêu cầu", "Requirement", "5.1", "", false,
				"test fixture"), "fixture", now);
		long item = catalogues.find(code).orElseThrow().items().getFirst().id();
		long assessment = assessments.insert(unit.id(), Assessment.Subject.SYSTEM, 0, "Hệ thống thử " + fresh,
				Assessment.Kind.AD_HOC, code, LocalDate.of(2026, 6, 1), List.of(), "fixture", now);
		return Map.of("{product}", Long.toString(product), "{catalogue}", code, "{catalogueItem}", Long.toString(item),
				"{assessment}", Long.toString(assessment));
	}

}
