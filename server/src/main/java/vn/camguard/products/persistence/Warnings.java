package vn.camguard.products.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.UnitScope;
import vn.camguard.products.domain.Severity;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.domain.WarningDraft;

/** The warning tables: warnings, the devices each marked, the units' notifications. */
@Repository
public class Warnings {

	private static final String SELECT = """
			SELECT w.*, v.name AS vendor_name FROM product_warning w JOIN product_vendor v ON v.id = w.vendor_id
			""";

	private final JdbcClient jdbc;

	public Warnings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every warning, newest first. */
	public List<Warning> all() {
		return jdbc.sql(SELECT + " ORDER BY w.issued_on DESC, w.id DESC").query(Warnings::warning).list();
	}

	public Optional<Warning> find(long id) {
		return jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id).query(Warnings::warning).optional();
	}

	/** The warnings reaching a unit: those of the province it lies in. */
	public List<Warning> reaching(long unitId) {
		return jdbc.sql(SELECT + """
				 WHERE w.province_unit_id IN
				   (SELECT ancestor_id FROM organization_unit_closure WHERE descendant_id = :unit)
				 ORDER BY w.issued_on DESC, w.id DESC""")
			.param("unit", unitId)
			.query(Warnings::warning)
			.list();
	}

	private static Warning warning(ResultSet rs, int row) throws SQLException {
		return new Warning(rs.getLong("id"), rs.getLong("province_unit_id"), rs.getLong("vendor_id"),
				rs.getString("vendor_name"), rs.getString("model"), rs.getString("firmware_from"),
				rs.getString("firmware_to"), rs.getString("authority"), rs.getObject("issued_on", LocalDate.class),
				rs.getString("reference"), rs.getString("reason"), Severity.valueOf(rs.getString("severity")),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

	public long insert(long provinceUnitId, long vendorId, WarningDraft draft, String actor, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO product_warning (province_unit_id, vendor_id, model, firmware_from, firmware_to, authority,
				  issued_on, reference, reason, severity, created_by, created_at)
				VALUES (:province, :vendor, :model, :from, :to, :authority, :issuedOn, :reference, :reason, :severity,
				  :actor, :now)""")
			.param("province", provinceUnitId)
			.param("vendor", vendorId)
			.param("model", draft.model())
			.param("from", draft.firmwareFrom())
			.param("to", draft.firmwareTo())
			.param("authority", draft.authority())
			.param("issuedOn", draft.issuedOn())
			.param("reference", draft.reference())
			.param("reason", draft.reason())
			.param("severity", draft.severityValue().name())
			.param("actor", actor)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void mark(long warningId, long deviceId, long unitId, String firmware) {
		jdbc.sql("INSERT INTO product_warning_device (warning_id, device_id, unit_id, firmware) VALUES (:w, :d, :u, :f)")
			.param("w", warningId)
			.param("d", deviceId)
			.param("u", unitId)
			.param("f", firmware)
			.update();
	}

	/** The devices a warning marked in these units, by id. */
	public List<Long> marked(long warningId, long unitId) {
		return jdbc.sql("SELECT device_id FROM product_warning_device WHERE warning_id = :w AND unit_id = :u ORDER BY device_id")
			.param("w", warningId)
			.param("u", unitId)
			.query(Long.class)
			.list();
	}

}
