package vn.camguard.levels;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.levels.persistence.PlanStore;
import vn.camguard.organization.UnitDirectory.UnitRef;

/** Dossiers and plan items with deadlines, written straight to the stores (the workflow has its own tests). */
record ReminderFixture(InformationSystems systems, DeterminationStore determinations, DossierStore dossiers,
		FrameworkStore frameworks, PlanStore plans) {

	static ReminderFixture of(ApplicationContext context) {
		return new ReminderFixture(context.getBean(InformationSystems.class), context.getBean(DeterminationStore.class),
				context.getBean(DossierStore.class), context.getBean(FrameworkStore.class), context.getBean(PlanStore.class));
	}

	/** A level-2 dossier (Decree 85: the province's security unit appraises) under appraisal until the day. */
	long underAppraisal(UnitRef unit, LocalDate dueOn) {
		long dossier = dossier(unit, 2);
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.UNDER_APPRAISAL, dueOn.minusDays(10), dueOn,
				null, OffsetDateTime.now(ZoneOffset.UTC));
		return dossier;
	}

	/** An approved level-2 dossier with one plan item not started, owned as given, due on the day. */
	long planItem(UnitRef unit, String owner, LocalDate dueOn) {
		long dossier = dossier(unit, 2);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("7/QĐ", LocalDate.of(2026, 12, 1), "Giám đốc"), now);
		plans.save(new PlanItemState(dossier, "T-ITEM-1", PlanStatus.NOT_STARTED, null, owner, dueOn, null, null, "test",
				now));
		return dossier;
	}

	/** An operating system of the unit without any level dossier. */
	long systemWithoutLevel(UnitRef unit) {
		return systems.insert(new SystemDraft(unit.id(), "Chưa có cấp độ " + System.nanoTime(), null, null, null,
				SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private long dossier(UnitRef unit, int level) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long system = systems.insert(new SystemDraft(unit.id(), "Nhắc hạn " + System.nanoTime(), null, null, null,
				SystemStatus.OPERATING), now);
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), level,
				level, List.of(), level, null, Determination.DRAFT, "test", now));
		return dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, level, DossierStatus.SUBMITTED,
				null, null, null, null, null, "test", now, now));
	}

}
