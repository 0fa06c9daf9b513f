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

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.organization.UnitScope;
import vn.camguard.products.domain.ProcurementCheck;

/** The procurement checks, their answers kept as one JSON document. */
@Repository
public class ProcurementCheckRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public ProcurementCheckRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long unitId, String unitName, String officer, OffsetDateTime checkedAt, LocalDate purchaseDate,
			String vendor, String model, String firmware, ProcurementCheck.Answers answers) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO procurement_check (unit_id, unit_name, officer, checked_at, purchase_date, vendor, model,
				  firmware, product_id, answers_json)
				VALUES (:unit, :unitName, :officer, :at, :purchase, :vendor, :model, :firmware, :product, :answers)""")
			.param("unit", unitId)
			.param("unitName", unitName)
			.param("officer", officer)
			.param("at", checkedAt)
			.param("purchase", purchaseDate)
			.param("vendor", vendor)
			.param("model", model)
			.param("firmware", firmware)
			.param("product", answers.product().productId())
			.param("answers", JSON.writeValueAsString(answers))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<ProcurementCheck> find(long id) {
		return jdbc.sql("SELECT * FROM procurement_check WHERE id = :id").param("id", id).query(this::check).optional();
	}

	/** The newest checks of the units in the scope (and their subtrees), newest first. */
	public List<ProcurementCheck> within(UnitScope scope, int limit) {
		if (scope.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM procurement_check
				WHERE unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN ("""
				+ scope.sqlIdList() + "))\n ORDER BY checked_at DESC, id DESC LIMIT " + limit)
			.query(this::check)
			.list();
	}

	private ProcurementCheck check(ResultSet rs, int row) throws SQLException {
		return new ProcurementCheck(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getString("officer"), rs.getObject("checked_at", OffsetDateTime.class),
				rs.getObject("purchase_date", LocalDate.class), rs.getString("vendor"), rs.getString("model"),
				rs.getString("firmware"), JSON.readValue(rs.getString("answers_json"), ProcurementCheck.Answers.class));
	}

}
