package vn.camguard.inventory.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.MacAddress;
import vn.camguard.inventory.domain.NetworkAddress;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.organization.UnitScope;

/**
 * The cameras and recorders table. Every read takes the caller's {@link UnitScope}; writes are only
 * called by the inventory service after it has checked the caller's rights.
 */
@Repository
public class Devices {

	/** Totals are counted up to here and shown as "10,000+" beyond. */
	public static final long COUNT_CAP = 10_001;

	private static final int BATCH_SIZE = 1_000;

	/**
	 * Values per duplicate lookup. One array parameter per query, and few queries per file: with
	 * 1,000 values a query, stale statistics right after a big import made PostgreSQL scan the whole
	 * table once per chunk (42 s for a 100,000-row file); now it is at most a few scans.
	 */
	private static final int LOOKUP_CHUNK = 50_000;

	// The unit's code and name come from the organization table the devices already reference by
	// foreign key: one join instead of a directory lookup per row of every page and export.
	private static final String SELECT = """
			SELECT d.*, s.name AS system_name, t.name AS site_name, u.code AS unit_code, u.name AS unit_name
			FROM inventory_device d
			JOIN organization_unit u ON u.id = d.unit_id
			LEFT JOIN inventory_system s ON s.id = d.system_id
			LEFT JOIN inventory_site t ON t.id = d.site_id
			""";

	private static final String COLUMNS = "unit_id, system_id, site_id, kind, status, name, vendor, model, firmware, "
			+ "serial, mac, address, open_ports, procurement_date, supplier, co_ref, cq_ref, qcvn135_certificate, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public Devices(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public ResultPage<Device> page(UnitScope scope, DeviceFilter filter, DeviceSort sort, boolean ascending, int page,
			int size) {
		if (scope.isEmpty()) {
			return new ResultPage<>(List.of(), page, size, 0, COUNT_CAP);
		}
		Matching matching = matching(scope, filter);
		ScopedQuery query = matching.query();
		if (matching.byText()) {
			Optional<ResultPage<Device>> found = pageInOnePass(query, sort, ascending, page, size);
			if (found.isPresent()) {
				return found.get();
			}
		}
		long total = jdbc.sql(countStatement(query)).params(query.params()).query(Long.class).single();
		List<Device> items = total == 0 ? List.of()
				: jdbc.sql(pageStatement(query, sort, ascending))
					.params(query.params())
					.param("limit", size)
					.param("offset", (long) page * size)
					.query(Devices::device)
					.list();
		return new ResultPage<>(items, page, size, total, COUNT_CAP);
	}

	/**
	 * A text search's page and total from one pass over its matches while they stay under the cap:
	 * the trigram index scan is most of the cost of such a search and would otherwise run once for
	 * the count and again for the page. Empty when the matches reach the cap (their order then needs
	 * the full query) or the page lies beyond them (the total is then still unknown).
	 */
	private Optional<ResultPage<Device>> pageInOnePass(ScopedQuery query, DeviceSort sort, boolean ascending, int page,
			int size) {
		List<long[]> rows = jdbc.sql(onePassStatement(query, sort, ascending))
			.params(query.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("total") })
			.list();
		if (rows.isEmpty()) {
			return page == 0 ? Optional.of(new ResultPage<>(List.of(), page, size, 0, COUNT_CAP)) : Optional.empty();
		}
		long total = rows.getFirst()[1];
		if (total >= COUNT_CAP) {
			return Optional.empty();
		}
		List<Device> items = jdbc.sql(SELECT + " WHERE d.id IN (:ids)" + orderBy(sort, ascending))
			.param("ids", rows.stream().map(r -> r[0]).toList())
			.query(Devices::device)
			.list();
		return Optional.of(new ResultPage<>(items, page, size, total, COUNT_CAP));
	}

	/** The ids of a page with the capped count of all matches (in every row). */
	static String onePassStatement(ScopedQuery query, DeviceSort sort, boolean ascending) {
		String direction = ascending ? " ASC" : " DESC";
		return "SELECT m.id, COUNT(*) OVER () AS total FROM (SELECT d.id, " + sort.column()
				+ " AS sort_key FROM inventory_device d WHERE " + query.where() + " LIMIT " + COUNT_CAP
				+ ") m ORDER BY m.sort_key" + direction + ", m.id" + direction + " LIMIT :limit OFFSET :offset";
	}

	/** The capped count of a page. */
	static String countStatement(ScopedQuery query) {
		return "SELECT COUNT(*) FROM (SELECT 1 FROM inventory_device d WHERE " + query.where() + " LIMIT " + COUNT_CAP
				+ ") x";
	}

	/** The rows of a page: its ids first, from the index alone when the filters allow, then only those rows. */
	static String pageStatement(ScopedQuery query, DeviceSort sort, boolean ascending) {
		return SELECT + " WHERE d.id IN (SELECT d.id FROM inventory_device d WHERE " + query.where()
				+ orderBy(sort, ascending) + " LIMIT :limit OFFSET :offset)" + orderBy(sort, ascending);
	}

	/** Exactly how many devices the scope holds (for the home page; uses the unit index only). */
	public long count(UnitScope scope) {
		if (scope.isEmpty()) {
			return 0;
		}
		ScopedQuery query = new ScopedQuery("d.unit_id", scope);
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device d WHERE " + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
	}

	/** All matching devices in list order; the caller must close the stream (and hold a transaction). */
	public Stream<Device> stream(UnitScope scope, DeviceFilter filter, DeviceSort sort, boolean ascending) {
		if (scope.isEmpty()) {
			return Stream.empty();
		}
		ScopedQuery query = matching(scope, filter).query();
		return jdbc.sql(SELECT + " WHERE " + query.where() + orderBy(sort, ascending))
			.params(query.params())
			.withFetchSize(500)
			.query(Devices::device)
			.stream();
	}

	/** The devices with these ids, whatever unit they belong to (null scope), or within the scope. */
	public List<Device> withIds(UnitScope scope, Collection<Long> ids) {
		if (ids.isEmpty() || (scope != null && scope.isEmpty())) {
			return List.of();
		}
		List<Device> found = new ArrayList<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += BATCH_SIZE) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + BATCH_SIZE));
			String where = scope == null ? "d.id IN (:ids)"
					: new ScopedQuery("d.unit_id", scope).where() + " AND d.id IN (:ids)";
			found.addAll(jdbc.sql(SELECT + " WHERE " + where).param("ids", chunk).query(Devices::device).list());
		}
		return found;
	}

	/** Every device of every unit; the caller must close the stream (and hold a transaction). */
	public Stream<Device> streamEvery() {
		return jdbc.sql(SELECT).withFetchSize(500).query(Devices::device).stream();
	}

	public Optional<Device> find(UnitScope scope, long id) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		ScopedQuery query = new ScopedQuery("d.unit_id", scope).and("d.id = :id", "id", id);
		return jdbc.sql(SELECT + " WHERE " + query.where()).params(query.params()).query(Devices::device).optional();
	}

	/** The id of the device with this vendor and serial, whatever unit it belongs to. */
	public Optional<Long> idWithSerial(String vendor, String serial) {
		return jdbc.sql("SELECT id FROM inventory_device WHERE vendor = :vendor AND serial = :serial")
			.param("vendor", vendor)
			.param("serial", serial)
			.query(Long.class)
			.optional();
	}

	/** The id of the device with this (normalised) MAC, whatever unit it belongs to. */
	public Optional<Long> idWithMac(String mac) {
		return jdbc.sql("SELECT id FROM inventory_device WHERE mac = :mac")
			.param("mac", mac)
			.query(Long.class)
			.optional();
	}

	/** Which of these serials already exist, as {@link #serialKey} values. */
	public Set<String> existingSerialKeys(Collection<String> serials) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : chunks(serials)) {
			jdbc.sql("SELECT vendor, serial FROM inventory_device WHERE serial = ANY(:serials)")
				.param("serials", new SqlArrayValue("varchar", chunk.toArray()))
				.query((rs, row) -> serialKey(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(found::add);
		}
		return found;
	}

	/** Which of these normalised MACs already exist. */
	public Set<String> existingMacs(Collection<String> macs) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : chunks(macs)) {
			found.addAll(jdbc.sql("SELECT mac FROM inventory_device WHERE mac = ANY(:macs)")
				.param("macs", new SqlArrayValue("varchar", chunk.toArray()))
				.query(String.class)
				.list());
		}
		return found;
	}

	/** How vendor and serial are paired when checking uniqueness in memory. */
	public static String serialKey(String vendor, String serial) {
		return vendor + '\u0000' + serial;
	}

	public long insert(DeviceDraft draft, OffsetDateTime now) {
		long id = nextIds(1).getFirst();
		insertAll(List.of(id), List.of(draft), now);
		return id;
	}

	/** Takes {@code count} ids from the device sequence in one round trip. */
	public List<Long> nextIds(int count) {
		return jdbc.sql("SELECT nextval('inventory_device_seq') FROM generate_series(1, :count)")
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/** Inserts the drafts with the given ids in JDBC batches (same transaction as the caller). */
	public void insertAll(List<Long> ids, List<DeviceDraft> drafts, OffsetDateTime now) {
		insertAll(ids, drafts, now, null);
	}

	/** As {@link #insertAll(List, List, OffsetDateTime)}, the devices marked as loaded by an import batch. */
	public void insertAll(List<Long> ids, List<DeviceDraft> drafts, OffsetDateTime now, Long importBatchId) {
		String sql = "INSERT INTO inventory_device (id, import_batch_id, " + COLUMNS + ") VALUES (?, ?"
				+ ", ?".repeat(20) + ")";
		for (int from = 0; from < drafts.size(); from += BATCH_SIZE) {
			int to = Math.min(from + BATCH_SIZE, drafts.size());
			List<DeviceDraft> slice = drafts.subList(from, to);
			List<Long> sliceIds = ids.subList(from, to);
			batch.batchUpdate(sql, new BatchPreparedStatementSetter() {

				@Override
				public void setValues(PreparedStatement ps, int i) throws SQLException {
					ps.setLong(1, sliceIds.get(i));
					setLong(ps, 2, importBatchId);
					bind(ps, 3, slice.get(i), now, now);
				}

				@Override
				public int getBatchSize() {
					return slice.size();
				}

			});
		}
	}

	public void update(long id, DeviceDraft draft, OffsetDateTime createdAt, OffsetDateTime now) {
		String assignments = String.join(" = ?, ", COLUMNS.split(", ")) + " = ?";
		batch.update("UPDATE inventory_device SET " + assignments + " WHERE id = ?", ps -> {
			int next = bind(ps, 1, draft, createdAt, now);
			ps.setLong(next, id);
		});
	}

	public void delete(long id) {
		jdbc.sql("DELETE FROM inventory_device WHERE id = :id").param("id", id).update();
	}

	/**
	 * Devices of an import batch that someone changed after the import (edited rows are not what the
	 * file said any more, so a rollback leaves them to a person): their serials, at most {@code limit}.
	 */
	public List<String> changedSinceImport(long importBatchId, int limit) {
		return jdbc
			.sql("SELECT serial FROM inventory_device WHERE import_batch_id = :batch AND updated_at <> created_at"
					+ " ORDER BY serial LIMIT " + limit)
			.param("batch", importBatchId)
			.query(String.class)
			.list();
	}

	/**
	 * Deletes the devices an import batch created and nobody changed since, in one statement.
	 *
	 * @return how many were deleted
	 */
	public int deleteUnchangedOfImport(long importBatchId) {
		return jdbc.sql("DELETE FROM inventory_device WHERE import_batch_id = :batch AND updated_at = created_at")
			.param("batch", importBatchId)
			.update();
	}

	private static int bind(PreparedStatement ps, int first, DeviceDraft d, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) throws SQLException {
		int i = first;
		ps.setLong(i++, d.unitId());
		setLong(ps, i++, d.systemId());
		setLong(ps, i++, d.siteId());
		ps.setString(i++, d.kind().name());
		ps.setString(i++, d.status().name());
		ps.setString(i++, d.name());
		ps.setString(i++, d.vendor());
		ps.setString(i++, d.model());
		ps.setString(i++, d.firmware());
		ps.setString(i++, d.serial());
		ps.setString(i++, d.mac());
		ps.setString(i++, d.address());
		ps.setString(i++, d.openPorts());
		if (d.procurementDate() == null) {
			ps.setNull(i++, Types.DATE);
		}
		else {
			ps.setDate(i++, Date.valueOf(d.procurementDate()));
		}
		ps.setString(i++, d.supplier());
		ps.setString(i++, d.coRef());
		ps.setString(i++, d.cqRef());
		ps.setString(i++, d.qcvn135Certificate());
		ps.setObject(i++, createdAt);
		ps.setObject(i++, updatedAt);
		return i;
	}

	private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	/**
	 * The filter as a WHERE clause. A search text that names devices exactly (their serial or name in
	 * any case, their MAC or network address) finds just those, through plain indexes; any other text
	 * is looked for inside the serial and name, which PostgreSQL answers from a trigram index, and at
	 * the start of the model, address and MAC (b-tree indexes; all in db/vendor/postgresql). Both go
	 * through the caller's scope and the other filters, so a device out of scope never decides which
	 * of the two is used.
	 */
	Matching matching(UnitScope scope, DeviceFilter filter) {
		if (filter.search() == null) {
			return new Matching(filtered(scope, filter), false);
		}
		ScopedQuery exact = filtered(scope, filter);
		identifiedBy(exact, filter.search());
		boolean found = jdbc.sql("SELECT 1 FROM inventory_device d WHERE " + exact.where() + " LIMIT 1")
			.params(exact.params())
			.query(Integer.class)
			.optional()
			.isPresent();
		if (found) {
			return new Matching(exact, false);
		}
		ScopedQuery partial = filtered(scope, filter);
		// anywhere in the serial or name, from the start of the model, address or MAC (a model family, a
		// subnet, a maker's prefix): each expression is that of an index, so that PostgreSQL can use it
		StringBuilder condition = new StringBuilder("(LOWER(d.serial) LIKE :q ESCAPE '\\' OR LOWER(d.name) LIKE :q ESCAPE '\\'"
				+ " OR LOWER(d.model) LIKE :prefix ESCAPE '\\' OR LOWER(d.address) LIKE :prefix ESCAPE '\\'");
		Optional<String> macStart = MacAddress.start(filter.search());
		if (macStart.isPresent()) {
			condition.append(" OR d.mac LIKE :macPrefix");
			partial.params().put("macPrefix", macStart.get() + "%");
		}
		partial.and(condition.append(')').toString(), "q", ScopedQuery.containsPattern(filter.search(), false));
		partial.params().put("prefix", ScopedQuery.prefixPattern(filter.search()));
		return new Matching(partial, true);
	}

	/**
	 * The WHERE clause of a list.
	 *
	 * @param query the clause and its parameters
	 * @param byText whether it looks for a text inside columns (a trigram search on PostgreSQL)
	 */
	record Matching(ScopedQuery query, boolean byText) {
	}

	/** Serial or name equal to the text in any case, or the MAC or network address the text spells. */
	private static void identifiedBy(ScopedQuery query, String text) {
		// LOWER on both sides: the database lower-cases the text exactly as it did the indexed column
		StringBuilder condition = new StringBuilder("(LOWER(d.serial) = LOWER(:exact) OR LOWER(d.name) = LOWER(:exact)");
		Optional<String> mac = MacAddress.normalise(text);
		if (mac.isPresent()) {
			condition.append(" OR d.mac = :mac");
			query.params().put("mac", mac.get());
		}
		Optional<String> address = NetworkAddress.normalise(text);
		if (address.isPresent()) {
			condition.append(" OR LOWER(d.address) = :address");
			query.params().put("address", address.get());
		}
		query.and(condition.append(')').toString(), "exact", text);
	}

	/** The scope and every filter but the search text. */
	private static ScopedQuery filtered(UnitScope scope, DeviceFilter filter) {
		ScopedQuery query = new ScopedQuery("d.unit_id", scope);
		if (filter.unitId() != null) {
			query.andWithinUnit("d.unit_id", filter.unitId());
		}
		if (filter.vendor() != null) {
			query.and("d.vendor = :vendor", "vendor", filter.vendor());
		}
		if (filter.systemId() != null) {
			query.and("d.system_id = :systemId", "systemId", filter.systemId());
		}
		if (filter.siteId() != null) {
			query.and("d.site_id = :siteId", "siteId", filter.siteId());
		}
		if (filter.status() != null) {
			query.and("d.status = :status", "status", filter.status().name());
		}
		if (filter.kind() != null) {
			query.and("d.kind = :kind", "kind", filter.kind().name());
		}
		return query;
	}

	private static String orderBy(DeviceSort sort, boolean ascending) {
		String direction = ascending ? " ASC" : " DESC";
		return " ORDER BY " + sort.column() + direction + ", d.id" + direction;
	}

	private static <T> List<List<T>> chunks(Collection<T> values) {
		List<T> all = new ArrayList<>(values);
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
			chunks.add(all.subList(from, Math.min(from + LOOKUP_CHUNK, all.size())));
		}
		return chunks;
	}

	private static Device device(ResultSet rs, int row) throws SQLException {
		return new Device(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getObject("system_id", Long.class),
				rs.getString("system_name"), rs.getObject("site_id", Long.class), rs.getString("site_name"),
				DeviceKind.valueOf(rs.getString("kind")), DeviceStatus.valueOf(rs.getString("status")),
				rs.getString("name"), rs.getString("vendor"), rs.getString("model"), rs.getString("firmware"),
				rs.getString("serial"), rs.getString("mac"), rs.getString("address"), rs.getString("open_ports"),
				rs.getObject("procurement_date", LocalDate.class), rs.getString("supplier"), rs.getString("co_ref"),
				rs.getString("cq_ref"), rs.getString("qcvn135_certificate"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
