package vn.camguard.products.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.UnitScope;
import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.StandingFilter;
import vn.camguard.products.domain.StoredStanding;

/** The stored standing of every device ({@code device_standing}), one row per device. */
@Repository
public class StoredStandings {

	private static final int CHUNK = 1_000;

	private static final String COLUMNS = "device_id, unit_id, vendor, model, firmware, decision, decided_product_id, "
			+ "cve_list, vendor_id, product_id, match_how, match_by_alias, certification, certificate_id, catalogue, "
			+ "warned, warning_id, firmware_state, cve_count, cve_max_cvss, recheck_on, computed_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public StoredStandings(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<StoredStanding> of(long deviceId) {
		return jdbc.sql("SELECT * FROM device_standing WHERE device_id = :d")
			.param("d", deviceId)
			.query(StoredStandings::row)
			.optional();
	}

	/** Every stored row by device id. */
	public Map<Long, StoredStanding> all() {
		Map<Long, StoredStanding> all = new HashMap<>();
		jdbc.sql("SELECT * FROM device_standing").withFetchSize(1_000).query(StoredStandings::row).stream()
			.forEach(r -> all.put(r.deviceId(), r));
		return all;
	}

	/** Devices that resolved to one of these makers, or to none (a device typed without a maker may match any). */
	public List<Long> devicesOfMakers(Collection<Long> vendorIds) {
		if (vendorIds.isEmpty()) {
			return jdbc.sql("SELECT device_id FROM device_standing WHERE vendor_id IS NULL").query(Long.class).list();
		}
		return jdbc.sql("SELECT device_id FROM device_standing WHERE vendor_id IS NULL OR vendor_id IN (:v)")
			.param("v", List.copyOf(vendorIds))
			.query(Long.class)
			.list();
	}

	/** Devices whose standing may have changed by itself by this day. */
	public List<Long> dueForRecheck(LocalDate day) {
		return jdbc.sql("SELECT device_id FROM device_standing WHERE recheck_on <= :day")
			.param("day", day)
			.query(Long.class)
			.list();
	}

	/** Replaces the rows of these devices. */
	public void save(Collection<StoredStanding> rows) {
		List<StoredStanding> all = List.copyOf(rows);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<StoredStanding> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			jdbc.sql("DELETE FROM device_standing WHERE device_id IN (:ids)")
				.param("ids", chunk.stream().map(StoredStanding::deviceId).toList())
				.update();
			batch.batchUpdate("INSERT INTO device_standing (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk, chunk.size(),
					StoredStandings::bind);
		}
	}

	public void delete(Collection<Long> deviceIds) {
		List<Long> all = List.copyOf(deviceIds);
		for (int from = 0; from < all.size(); from += CHUNK) {
			jdbc.sql("DELETE FROM device_standing WHERE device_id IN (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.update();
		}
	}

	/** One page of the rows in the scope that pass the filter, by device id, and how many pass in all. */
	public Page page(UnitScope scope, StandingFilter filter, int page, int size) {
		if (scope.isEmpty()) {
			return new Page(List.of(), 0);
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM device_standing s WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<StoredStanding> rows = jdbc
			.sql("SELECT s.* FROM device_standing s WHERE " + where + " ORDER BY s.device_id LIMIT " + size
					+ " OFFSET " + ((long) page * size))
			.params(params)
			.query(StoredStandings::row)
			.list();
		return new Page(rows, total);
	}

	public record Page(List<StoredStanding> rows, long total) {
	}

	private static String where(UnitScope scope, StandingFilter filter, Map<String, Object> params) {
		// root ids written into the SQL for the reason inventory's ScopedQuery gives: a bound list hides from
		// PostgreSQL's generic plan how many units a province-wide root covers; they are ids from the grant table
		StringBuilder where = new StringBuilder(
				"s.unit_id IN (SELECT c.descendant_id FROM organization_unit_closure c WHERE c.ancestor_id IN (")
			.append(scope.rootUnitIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
			.append("))");
		if (filter.certification() != null) {
			where.append(" AND s.certification = :certification");
			params.put("certification", filter.certification().name());
		}
		if (filter.catalogue() != null) {
			where.append(" AND s.catalogue = :catalogue");
			params.put("catalogue", filter.catalogue());
		}
		if (filter.warned() != null) {
			where.append(" AND s.warned = :warned");
			params.put("warned", filter.warned());
		}
		if (filter.firmware() != null) {
			where.append(" AND s.firmware_state = :firmware");
			params.put("firmware", filter.firmware().name());
		}
		if (filter.cves() != null) {
			where.append(filter.cves() ? " AND s.cve_count > 0" : " AND s.cve_count = 0");
		}
		return where.toString();
	}

	private static void bind(PreparedStatement ps, StoredStanding r) throws SQLException {
		ps.setLong(1, r.deviceId());
		ps.setLong(2, r.unitId());
		ps.setString(3, r.vendor());
		ps.setString(4, r.model());
		ps.setString(5, r.firmware());
		ps.setString(6, r.decision() == null ? null : r.decision().name());
		setLong(ps, 7, r.decidedProductId());
		ps.setString(8, r.cveList());
		setLong(ps, 9, r.vendorId());
		setLong(ps, 10, r.productId());
		ps.setString(11, r.matchHow() == null ? null : r.matchHow().name());
		ps.setBoolean(12, r.matchByAlias());
		ps.setString(13, r.certification().name());
		setLong(ps, 14, r.certificateId());
		ps.setString(15, r.catalogue());
		ps.setBoolean(16, r.warned());
		setLong(ps, 17, r.warningId());
		ps.setString(18, r.firmwareState().name());
		ps.setInt(19, r.cveCount());
		ps.setBigDecimal(20, r.cveMaxCvss());
		ps.setObject(21, r.recheckOn(), Types.DATE);
		ps.setObject(22, r.computedAt());
	}

	private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private static StoredStanding row(ResultSet rs, int n) throws SQLException {
		String decision = rs.getString("decision");
		String how = rs.getString("match_how");
		return new StoredStanding(rs.getLong("device_id"), rs.getLong("unit_id"), rs.getString("vendor"),
				rs.getString("model"), rs.getString("firmware"),
				decision == null ? null : ProductMatching.How.valueOf(decision),
				rs.getObject("decided_product_id", Long.class), rs.getString("cve_list"),
				rs.getObject("vendor_id", Long.class), rs.getObject("product_id", Long.class),
				how == null ? null : ProductMatching.How.valueOf(how), rs.getBoolean("match_by_alias"),
				CertificationStatus.valueOf(rs.getString("certification")), rs.getObject("certificate_id", Long.class),
				rs.getString("catalogue"), rs.getBoolean("warned"), rs.getObject("warning_id", Long.class),
				FirmwareStatus.valueOf(rs.getString("firmware_state")), rs.getInt("cve_count"),
				rs.getBigDecimal("cve_max_cvss"), rs.getObject("recheck_on", LocalDate.class),
				rs.getObject("computed_at", OffsetDateTime.class));
	}

}
