package vn.camguard.levels.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.domain.DossierBody;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.persistence.DeadlineStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.notifications.Deadline;
import vn.camguard.notifications.DeadlineSource;
import vn.camguard.organization.Role;
import vn.camguard.organization.UserContacts;
import vn.camguard.organization.UserContacts.Contact;

/**
 * The levels' deadlines for the reminders: a dossier's legal time limit for the body that has to act (completeness
 * check and appraisal: the framework's appraising body; approval: its approving body, each resolved on the unit tree
 * as {@link CompetentBodies} does), and a plan item's due date for its owner when the owner is a user name, else for
 * the unit officers of the system's unit (on the unit or above it).
 */
@Component
class LevelDeadlines implements DeadlineSource {

	private final DeadlineStore deadlines;

	private final FrameworkStore frameworks;

	private final CompetentBodies bodies;

	private final UserContacts contacts;

	LevelDeadlines(DeadlineStore deadlines, FrameworkStore frameworks, CompetentBodies bodies, UserContacts contacts) {
		this.deadlines = deadlines;
		this.frameworks = frameworks;
		this.bodies = bodies;
		this.contacts = contacts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Deadline> dueBetween(LocalDate from, LocalDate to) {
		List<Deadline> due = new ArrayList<>();
		Map<Long, Optional<Framework>> framework = new HashMap<>();
		for (DeadlineStore.OpenStep step : deadlines.openSteps(from, to)) {
			DossierStatus status = DossierStatus.valueOf(step.status());
			DossierBody body = status == DossierStatus.APPRAISED ? DossierBody.APPROVER : DossierBody.APPRAISER;
			Set<Role> roles = framework.computeIfAbsent(step.frameworkVersionId(), frameworks::framework)
				.map(f -> bodies.rolesOf(body, f, step.level()))
				.orElse(Set.of());
			String[] what = switch (status) {
				case SUBMITTED -> new String[] { "kiểm tra tính đầy đủ của hồ sơ cấp độ số " + step.dossierId(),
						"completeness check of level dossier no. " + step.dossierId() };
				case UNDER_APPRAISAL -> new String[] { "thẩm định hồ sơ cấp độ số " + step.dossierId(),
						"appraisal of level dossier no. " + step.dossierId() };
				default -> new String[] { "phê duyệt hồ sơ cấp độ số " + step.dossierId(),
						"approval of level dossier no. " + step.dossierId() };
			};
			due.add(new Deadline("dossier:" + step.dossierId() + ":" + status, step.dueOn(), step.unitId(), what[0],
					what[1], "/levels/dossiers/" + step.dossierId(), contacts.holdingOnOrAbove(roles, step.unitId())));
		}
		for (DeadlineStore.OpenItem item : deadlines.openItems(from, to)) {
			List<Contact> owner = item.owner() == null ? List.of()
					: contacts.byUsername(item.owner().strip()).stream().toList();
			due.add(new Deadline("plan:" + item.dossierId() + ":" + item.itemKey(), item.dueOn(), item.unitId(),
					"hoàn thành hạng mục " + item.itemKey() + " của phương án bảo đảm an toàn (hồ sơ số " + item.dossierId()
							+ ")",
					"item " + item.itemKey() + " of the security plan (dossier no. " + item.dossierId() + ")",
					"/levels/systems/" + item.systemId() + "/plan",
					owner.isEmpty() ? contacts.holdingOnOrAbove(Set.of(Role.UNIT_OFFICER), item.unitId()) : owner));
		}
		return due;
	}

}
