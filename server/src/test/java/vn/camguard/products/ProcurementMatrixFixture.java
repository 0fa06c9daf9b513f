package vn.camguard.products;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.ProcurementCheck;
import vn.camguard.products.persistence.ProcurementCheckRecords;

/** Gives the authorization matrix a procurement check recorded for the request's target unit ({@code {procurementCheck}}). */
@Component
class ProcurementMatrixFixture implements AuthorizationMatrixFixture {

	private final ProcurementCheckRecords checks;

	ProcurementMatrixFixture(ProcurementCheckRecords checks) {
		this.checks = checks;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		LocalDate day = LocalDate.of(2026, 12, 1);
		ProcurementCheck.Answers answers = ProcurementCheck.answer("X-" + fresh, null, day, Optional.empty(), List.of(),
				List.of(), List.of(), Optional.empty(), List.of());
		long id = checks.insert(unit.id(), unit.name(), "fixture", OffsetDateTime.now(ZoneOffset.UTC), day, "Lạ",
				"X-" + fresh, null, answers);
		return Map.of("{procurementCheck}", Long.toString(id));
	}

}
