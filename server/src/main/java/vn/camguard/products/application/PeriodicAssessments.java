package vn.camguard.products.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.SystemDirectory.SystemRef;
import vn.camguard.levels.ApprovedLevels;
import vn.camguard.levels.ApprovedLevels.ApprovedLevel;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.products.domain.DueAssessment;
import vn.camguard.products.persistence.AssessmentRecords;

/**
 * The periodic assessments of the caller's information systems, from each system's approved level:
 * the interval from the level framework's data when it sets one, otherwise from
 * {@link PeriodicSchedule}. Computed on every read from the approvals and the assessments themselves,
 * so no job has to run for an assessment to fall due, and opening one moves the next due date at once.
 */
@Service
public class PeriodicAssessments {

	private final SystemDirectory systems;

	private final ApprovedLevels levels;

	private final AssessmentRecords records;

	private final AccessControl access;

	private final PeriodicSchedule schedule;

	private final ZoneId zone;

	public PeriodicAssessments(SystemDirectory systems, ApprovedLevels levels, AssessmentRecords records,
			AccessControl access, PeriodicSchedule schedule,
			Clock provinceClock) {
		this.systems = systems;
		this.levels = levels;
		this.records = records;
		this.access = access;
		this.schedule = schedule;
		this.zone = provinceClock.getZone();
	}

	/**
	 * @param due the system's next periodic assessment
	 * @param overdue past its due date
	 * @param daysLeft days until due, negative when overdue
	 * @param canStart whether the caller may open the assessment
	 */
	public record Item(DueAssessment due, boolean overdue, long daysLeft, boolean canStart) {
	}

	/** The to-do list: overdue first, then by due date. */
	public record ToDo(List<Item> items, int withinDays, LocalDate today) {

		public long overdue() {
			return items.stream().filter(Item::overdue).count();
		}

	}

	@Transactional(readOnly = true)
	public ToDo toDo() {
		LocalDate today = LocalDate.now(zone);
		int within = schedule.dueWithinDays();
		List<Item> items = new ArrayList<>();
		for (DueAssessment due : schedules()) {
			if (due.toDoOn(today, within)) {
				items.add(new Item(due, due.overdueOn(today), due.daysLeft(today),
						access.allows(Permission.INVENTORY_WRITE, due.unitId())));
			}
		}
		items.sort(Comparator.comparing((Item i) -> i.due().dueOn(), Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(i -> i.due().systemName()));
		return new ToDo(List.copyOf(items), within, today);
	}

	/** The next periodic assessment of every system the caller reads that has an approved level. */
	@Transactional(readOnly = true)
	public List<DueAssessment> schedules() {
		List<SystemRef> readable = systems.allReadable();
		Map<Long, ApprovedLevel> approved = levels.of(readable.stream().map(SystemRef::id).toList());
		Map<Long, LocalDate> last = records.lastPeriodic(approved.keySet());
		List<DueAssessment> schedules = new ArrayList<>();
		// few frameworks and five levels: read each interval once
		Map<String, Optional<Period>> intervals = new HashMap<>();
		for (SystemRef system : readable) {
			ApprovedLevel level = approved.get(system.id());
			if (level == null) {
				continue;
			}
			Optional<Period> framework = intervals.computeIfAbsent(level.frameworkCode() + ":" + level.level(),
					key -> levels.assessmentInterval(level));
			Period interval = framework.orElseGet(() -> schedule.interval(level.level()));
			if (interval == null) {
				continue;
			}
			schedules.add(DueAssessment.of(system.id(), system.unitId(), system.name(), level.level(), interval,
					framework.isPresent(), level.decisionDate(), last.get(system.id())));
		}
		return schedules;
	}

}
