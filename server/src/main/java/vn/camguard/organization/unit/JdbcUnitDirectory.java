package vn.camguard.organization.unit;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitScope;

/** Unchecked read access to the tree for other modules; they apply the caller's scope themselves. */
@Service
@Transactional(readOnly = true)
class JdbcUnitDirectory implements UnitDirectory {

	private final UnitStore units;

	JdbcUnitDirectory(UnitStore units) {
		this.units = units;
	}

	@Override
	public Optional<UnitRef> find(long unitId) {
		return units.find(unitId).map(Unit::ref);
	}

	@Override
	public Optional<UnitRef> findByCode(String code) {
		String clean = UnitDraft.cleanCode(code);
		return clean == null ? Optional.empty() : units.findByCode(clean).map(Unit::ref);
	}

	@Override
	public List<UnitRef> within(UnitScope scope) {
		return UnitTreeOrder.of(units.under(scope.rootUnitIds()))
			.stream()
			.map(UnitNode::unit)
			.filter(Unit::active)
			.map(Unit::ref)
			.toList();
	}

}
