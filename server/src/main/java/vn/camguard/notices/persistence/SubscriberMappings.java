package vn.camguard.notices.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.notices.domain.AddressSpan;
import vn.camguard.notices.domain.MappingEntry;
import vn.camguard.notices.domain.SubscriberMapping;

/** The {@code subscriber_mapping} table: one organisation's mapping is always replaced as a whole. */
@Repository
public class SubscriberMappings {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SubscriberMappings(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public int count(long organizationId) {
		return jdbc.sql("SELECT COUNT(*) FROM subscriber_mapping WHERE organization_id = :org")
			.param("org", organizationId)
			.query(Integer.class)
			.single();
	}

	/** Rows of the mapping now, and when and by whom the file that made it was imported (both null before any). */
	public record Imported(int rows, java.time.Instant at, String by) {
	}

	public Imported imported(long organizationId) {
		return jdbc.sql("""
				SELECT COUNT(*) AS n, MAX(imported_at) AS at, MAX(imported_by) AS by_user FROM subscriber_mapping
				WHERE organization_id = :org""")
			.param("org", organizationId)
			.query((rs, row) -> {
				OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
				return new Imported(rs.getInt("n"), at == null ? null : at.toInstant(), rs.getString("by_user"));
			})
			.single();
	}

	/** Deletes the organisation's rows and inserts these; the caller's transaction makes it all or nothing. */
	public void replace(long organizationId, List<MappingEntry> entries, String by, Instant at) {
		jdbc.sql("DELETE FROM subscriber_mapping WHERE organization_id = :org").param("org", organizationId).update();
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		batch.batchUpdate("""
				INSERT INTO subscriber_mapping (organization_id, subscriber_code, subscriber_name, email, language,
				  addresses, valid_from, valid_to, file_row, imported_at, imported_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				MappingEntry e = entries.get(i);
				ps.setLong(1, organizationId);
				ps.setString(2, e.subscriberCode());
				ps.setString(3, e.subscriberName());
				ps.setString(4, e.email());
				ps.setString(5, e.language());
				ps.setString(6, e.addresses());
				ps.setObject(7, e.validFrom());
				if (e.validTo() == null) {
					ps.setNull(8, Types.DATE);
				}
				else {
					ps.setObject(8, e.validTo());
				}
				ps.setInt(9, e.row());
				ps.setObject(10, when);
				ps.setString(11, by);
			}

			@Override
			public int getBatchSize() {
				return entries.size();
			}
		});
	}

	public SubscriberMapping mapping(long organizationId) {
		return new SubscriberMapping(jdbc.sql("""
				SELECT subscriber_code, subscriber_name, email, language, addresses, valid_from, valid_to, file_row
				FROM subscriber_mapping WHERE organization_id = :org ORDER BY file_row""")
			.param("org", organizationId)
			.query((rs, n) -> new MappingEntry(rs.getString("subscriber_code"), rs.getString("subscriber_name"),
					rs.getString("email"), rs.getString("language"), rs.getString("addresses"),
					AddressSpan.parse(rs.getString("addresses")).orElseThrow(),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getInt("file_row")))
			.list());
	}

}
