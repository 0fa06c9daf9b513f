package vn.camguard.monitoring.range;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.UnitScope;

/** The {@code monitoring_range} table. */
@Repository
class AddressRanges {

	private static final String COLUMNS = """
			id, organization_id, range_text AS text, first_address, last_address, first_number, last_number, purpose,
			status, requested_by, requested_at, decided_by, decided_at, valid_until, decision_reason""";

	private final JdbcClient jdbc;

	AddressRanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long organizationId, String text, Ipv4Span span, String purpose, String requestedBy, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, purpose, status, requested_by, requested_at)
				VALUES (:org, :text, :first, :last, :firstNumber, :lastNumber, :purpose, 'PENDING', :by, :at)""")
			.param("org", organizationId)
			.param("text", text)
			.param("first", span.firstAddress())
			.param("last", span.lastAddress())
			.param("firstNumber", span.first())
			.param("lastNumber", span.last())
			.param("purpose", purpose)
			.param("by", requestedBy)
			.param("at", Timestamp.from(at))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	Optional<AddressRange> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_range WHERE id = :id")
			.param("id", id)
			.query(AddressRanges::row)
			.optional();
	}

	/** Ranges of organisations inside the scope, newest first. */
	List<AddressRange> within(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_range WHERE organization_id IN "
				+ "(SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (" + scope.sqlIdList()
				+ ")) ORDER BY id DESC")
			.query(AddressRanges::row)
			.list();
	}

	List<AddressRange> ofOrganization(long organizationId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_range WHERE organization_id = :org ORDER BY first_number")
			.param("org", organizationId)
			.query(AddressRanges::row)
			.list();
	}

	void decide(long id, RangeStatus status, String by, Instant at, Instant validUntil, String reason) {
		jdbc.sql("""
				UPDATE monitoring_range SET status = :status, decided_by = :by, decided_at = :at,
				  valid_until = :until, decision_reason = :reason WHERE id = :id""")
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("until", validUntil == null ? null : Timestamp.from(validUntil))
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	static AddressRange row(ResultSet rs, int row) throws SQLException {
		return new AddressRange(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("text"),
				rs.getString("first_address"), rs.getString("last_address"), rs.getLong("first_number"),
				rs.getLong("last_number"), rs.getString("purpose"), RangeStatus.valueOf(rs.getString("status")),
				rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("decided_by"),
				instant(rs, "decided_at"), instant(rs, "valid_until"), rs.getString("decision_reason"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	void withdraw(long id) {
		jdbc.sql("UPDATE monitoring_range SET status = 'WITHDRAWN' WHERE id = :id").param("id", id).update();
	}

}
