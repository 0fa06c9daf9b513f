package vn.camguard.products.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.ProductMatching;

/** Officers' decisions on which product a device is, one per device. */
@Repository
public class MatchDecisions {

	private final JdbcClient jdbc;

	public MatchDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MatchDecision> of(long deviceId) {
		return jdbc.sql("SELECT * FROM product_device_match WHERE device_id = :d")
			.param("d", deviceId)
			.query(MatchDecisions::decision)
			.optional();
	}

	/** Every decision by device id (officers decide by hand, so the table stays small). */
	public java.util.Map<Long, MatchDecision> all() {
		java.util.Map<Long, MatchDecision> all = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM product_device_match")
			.query(MatchDecisions::decision)
			.list()
			.forEach(d -> all.put(d.deviceId(), d));
		return all;
	}

	private static MatchDecision decision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new MatchDecision(rs.getLong("device_id"), rs.getLong("unit_id"),
					(Long) rs.getObject("product_id", Long.class), ProductMatching.How.valueOf(rs.getString("decision")),
					rs.getString("vendor_typed"), rs.getString("model_typed"), rs.getString("decided_by"),
					rs.getObject("decided_at", OffsetDateTime.class));
	}

	/** Replaces the device's decision. */
	public void save(MatchDecision decision) {
		jdbc.sql("DELETE FROM product_device_match WHERE device_id = :d").param("d", decision.deviceId()).update();
		jdbc.sql("""
				INSERT INTO product_device_match (device_id, unit_id, product_id, decision, vendor_typed, model_typed,
				  decided_by, decided_at)
				VALUES (:d, :u, :p, :decision, :vendor, :model, :by, :at)""")
			.param("d", decision.deviceId())
			.param("u", decision.unitId())
			.param("p", decision.productId())
			.param("decision", decision.how().name())
			.param("vendor", decision.vendorTyped())
			.param("model", decision.modelTyped())
			.param("by", decision.decidedBy())
			.param("at", decision.decidedAt())
			.update();
	}

}
