package vn.camguard.monitoring.finding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Gives the authorization matrix a NEW finding ({@code {finding}}) and a FIXED one ({@code {fixedFinding}}) of the
 * request's target unit, and an expiry a month ahead for accepting a risk ({@code {riskUntil}} as a date,
 * {@code {riskUntilInstant}} as an instant).
 */
@Component
class FindingsMatrixFixture implements AuthorizationMatrixFixture {

	private final FindingRows rows;

	FindingsMatrixFixture(JdbcClient jdbc) {
		this.rows = new FindingRows(jdbc);
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		long open = rows.open(unit.id(), "127.66.0.1", "CG-MATRIX-" + fresh, "HIGH", 1);
		java.time.Instant now = java.time.Instant.now();
		long fixed = rows.insert(unit.id(), "127.66.0.2", 554, "CG-MATRIX-" + fresh, "HIGH", "fixed", null, "FIXED",
				now.minusSeconds(86_400), now.minusSeconds(3_600), 2);
		LocalDate until = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30);
		return Map.of("{finding}", Long.toString(open), "{fixedFinding}", Long.toString(fixed), "{riskUntil}",
				until.toString(), "{riskUntilInstant}", until.atStartOfDay(ZoneId.of("UTC")).toInstant().toString());
	}

}
