package vn.camguard.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.monitoring.FindingStatus;
import vn.camguard.monitoring.MonitoredFinding;
import vn.camguard.notices.domain.AddressSpan;
import vn.camguard.notices.domain.MappingEntry;
import vn.camguard.notices.domain.NoticeStatus;
import vn.camguard.notices.domain.SubscriberFindings;
import vn.camguard.notices.persistence.Notices;
import vn.camguard.notices.persistence.SubscriberMappings;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Gives the authorization matrix, in the target unit, an open finding held by subscriber {@code {subscriber}} and a
 * failed notice {@code {notice}}.
 */
@Component
class NoticesMatrixFixture implements AuthorizationMatrixFixture {

	private final JdbcClient jdbc;

	private final SubscriberMappings mappings;

	private final Notices notices;

	NoticesMatrixFixture(JdbcClient jdbc, SubscriberMappings mappings, Notices notices) {
		this.jdbc = jdbc;
		this.mappings = mappings;
		this.notices = notices;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		Instant now = Instant.now();
		String code = "S" + fresh;
		String address = "10.77.0.1";
		String check = ("CG-M-" + fresh);
		check = check.length() > 40 ? check.substring(0, 40) : check;
		jdbc.sql("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, status,
				  first_seen, last_seen, times_seen)
				VALUES (:org, :address, 80, :check, 'HIGH', 'Mật khẩu mặc định', 'NEW', :at, :at, 1)""")
			.param("org", unit.id())
			.param("address", address)
			.param("check", check)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		long findingId = jdbc.sql("SELECT id FROM monitoring_finding WHERE organization_id = :org AND check_id = :check")
			.param("org", unit.id())
			.param("check", check)
			.query(Long.class)
			.single();
		MappingEntry entry = new MappingEntry(code, "Thuê bao " + fresh, null, "vi", address,
				AddressSpan.parse(address).orElseThrow(), LocalDate.of(2020, 1, 1), null, 2);
		mappings.replace(unit.id(), List.of(entry), "matrix", now);
		MonitoredFinding finding = new MonitoredFinding(findingId, unit.id(), address, 80, check, "HIGH",
				"Mật khẩu mặc định", null, null, FindingStatus.NEW, now, now, 1, null, null, null);
		long notice = notices.insert(unit.id(), "TB-M" + fresh, new SubscriberFindings(entry, List.of(finding)),
				NoticeStatus.FAILED, "matrix", now);
		return Map.of("{subscriber}", code, "{notice}", Long.toString(notice));
	}

}
