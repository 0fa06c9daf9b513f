package vn.camguard.products.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/**
 * Products' share of a unit merge: a vendor's products, a province's warnings, and a unit's warned
 * devices, match decisions, assessments, procurement checks and stored standings change owner.
 */
@Component
class ProductsTransfer implements UnitTransfer {

	private final UnitOwnedRows rows;

	ProductsTransfer(JdbcClient jdbc) {
		this.rows = UnitOwnedRows.of(jdbc, new Column("product", "owner_unit_id"),
				new Column("product_warning", "province_unit_id"), new Column("product_warning_device", "unit_id"),
				new Column("product_device_match", "unit_id"), new Column("product_assessment", "unit_id"),
				new Column("procurement_check", "unit_id"), new Column("device_standing", "unit_id"));
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Long> count(long unitId) {
		return rows.count(unitId);
	}

	@Override
	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		return rows.move(fromUnitId, toUnitId);
	}

}
