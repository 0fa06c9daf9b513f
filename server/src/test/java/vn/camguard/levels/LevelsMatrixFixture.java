package vn.camguard.levels;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.UnitDirectory.UnitRef;

/** A system of the target unit with one determination, and the current Decree 85 framework version. */
@Component
class LevelsMatrixFixture implements AuthorizationMatrixFixture {

	private final InformationSystems systems;

	private final DeterminationStore determinations;

	private final FrameworkStore frameworks;

	LevelsMatrixFixture(InformationSystems systems, DeterminationStore determinations, FrameworkStore frameworks) {
		this.systems = systems;
		this.determinations = determinations;
		this.frameworks = frameworks;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long system = systems.insert(new SystemDraft(unit.id(), "Cấp độ " + fresh, null, null, null,
				SystemStatus.OPERATING), now);
		long framework = current(frameworks, "ND85_2016").id();
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework,
				Map.of("system_type", "INTERNAL", "information", "PUBLIC_ONLY"), 1, 1, List.of("R1-1"), 1, null,
				Determination.DRAFT, "fixture", now));
		return Map.of("{levelSystem}", Long.toString(system), "{determination}", Long.toString(determination),
				"{framework}", Long.toString(framework));
	}

	static FrameworkVersion current(FrameworkStore frameworks, String code) {
		return frameworks.versions()
			.stream()
			.filter(v -> v.code().equals(code) && v.current())
			.findFirst()
			.orElseThrow();
	}

}
