package vn.camguard.levels;

import java.io.ByteArrayInputStream;
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
import vn.camguard.levels.application.AttachmentStorage;
import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.PlanStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A system of the target unit with one determination, the current Decree 85 framework version, and a
 * level-1 draft dossier of another system with a file in each part, and a third system with an approved
 * level-1 dossier whose plan has an evidence document for REQ-5.1.1.
 */
@Component
class LevelsMatrixFixture implements AuthorizationMatrixFixture {

	private final InformationSystems systems;

	private final DeterminationStore determinations;

	private final FrameworkStore frameworks;

	private final DossierStore dossiers;

	private final AttachmentStorage files;

	private final PlanStore plans;

	LevelsMatrixFixture(InformationSystems systems, DeterminationStore determinations, FrameworkStore frameworks,
			DossierStore dossiers, AttachmentStorage files, PlanStore plans) {
		this.plans = plans;
		this.systems = systems;
		this.determinations = determinations;
		this.frameworks = frameworks;
		this.dossiers = dossiers;
		this.files = files;
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
		// a second determination of another system, with a draft dossier whose parts all have a file
		long dossierSystem = systems.insert(new SystemDraft(unit.id(), "Hồ sơ " + fresh, null, null, null,
				SystemStatus.OPERATING), now);
		long dossierDetermination = determinations.insert(new Determination(0, dossierSystem, unit.id(), framework,
				Map.of("system_type", "INTERNAL", "information", "PUBLIC_ONLY"), 1, 1, List.of("R1-1"), 1, null,
				Determination.DRAFT, "fixture", now));
		long dossier = dossiers.insert(new Dossier(0, dossierSystem, unit.id(), dossierDetermination, framework, 1,
				DossierStatus.DRAFT, null, null, null, null, null, "fixture", now, now));
		AttachmentStorage.Stored stored = files.store(new ByteArrayInputStream(DossierFiles.PDF));
		long attachment = 0;
		for (String part : List.of("D1", "D2", "D3", "D4")) {
			// only the first row has its own file; the others are never downloaded here
			String key = attachment == 0 ? stored.storageKey() : java.util.UUID.randomUUID().toString();
			long id = dossiers.insertAttachment(new Attachment(0, dossier, part, part + ".pdf", AttachmentType.PDF,
					stored.size(), stored.sha256(), key, "fixture", now));
			attachment = attachment == 0 ? id : attachment;
		}
		// a third system with an approved level-1 dossier whose first requirement has an evidence document
		long planSystem = systems.insert(new SystemDraft(unit.id(), "Phương án " + fresh, null, null, null,
				SystemStatus.OPERATING), now);
		long planDetermination = determinations.insert(new Determination(0, planSystem, unit.id(), framework,
				Map.of("system_type", "INTERNAL", "information", "PUBLIC_ONLY"), 1, 1, List.of("R1-1"), 1, null,
				Determination.DRAFT, "fixture", now));
		long approved = dossiers.insert(new Dossier(0, planSystem, unit.id(), planDetermination, framework, 1,
				DossierStatus.APPRAISED, null, null, null, null, null, "fixture", now, now));
		dossiers.transition(approved, DossierStatus.APPRAISED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("1/QĐ-" + fresh, now.toLocalDate(), "fixture"), now);
		plans.save(new PlanItemState(approved, "REQ-5.1.1", PlanStatus.IN_PROGRESS, null, "Tổ CNTT", null, null,
				new PlanItemState.Evidence("chinh-sach.pdf", AttachmentType.PDF, stored.size(), stored.sha256(),
						stored.storageKey()), "fixture", now));
		return Map.of("{levelSystem}", Long.toString(system), "{determination}", Long.toString(determination),
				"{framework}", Long.toString(framework), "{dossier}", Long.toString(dossier), "{attachment}",
				Long.toString(attachment), "{planSystem}", Long.toString(planSystem));
	}

	static FrameworkVersion current(FrameworkStore frameworks, String code) {
		return frameworks.versions()
			.stream()
			.filter(v -> v.code().equals(code) && v.current())
			.findFirst()
			.orElseThrow();
	}

}
