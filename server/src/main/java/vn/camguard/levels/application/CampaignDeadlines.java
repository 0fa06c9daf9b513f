package vn.camguard.levels.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.Campaigns;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.Campaigns.UnitOwing;
import vn.camguard.notifications.Deadline;
import vn.camguard.notifications.DeadlineSource;
import vn.camguard.organization.Role;
import vn.camguard.organization.UserContacts;
import vn.camguard.organization.UserContacts.Contact;

/**
 * Campaign dates for the reminders (issue 17): for each campaign date ahead, the units that still have systems owing
 * what it asks (no approved level; a plan below 100 %), and their responsible users, each reminded once per date and
 * offset of the systems in their reach. A unit that meets the campaign has no system outstanding and so no reminder.
 * <p>
 * Responsible are the unit officers (IT staff) holding the role on the unit or on a unit above it: the same people
 * {@link LevelDeadlines} reminds of a plan item nobody by name owns, and the only role below the province that can do
 * what the date asks (it carries {@code INVENTORY_WRITE}: determine levels, file dossiers, mark plan items done). The
 * head of a unit ({@code UNIT_APPROVER}) only reads in CamGuard, and the province administrator appraises dossiers
 * and follows the campaign on the dashboard; reminding them would tell them of work they cannot do here. An officer
 * whose reach covers many units (a district's, a province department's) gets one reminder per date naming how many
 * systems in how many units, not one per commune.
 */
@Component
class CampaignDeadlines implements DeadlineSource {

	private static final Set<Role> RESPONSIBLE = Set.of(Role.UNIT_OFFICER);

	private final Campaigns campaigns;

	private final UserContacts contacts;

	CampaignDeadlines(Campaigns campaigns, UserContacts contacts) {
		this.campaigns = campaigns;
		this.contacts = contacts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Deadline> dueBetween(LocalDate from, LocalDate to) {
		List<Deadline> due = new ArrayList<>();
		Map<Long, List<Contact>> responsible = new HashMap<>();
		for (Campaigns.Deadline deadline : campaigns.deadlinesBetween(from, to)) {
			Map<Long, Owing> perUser = new LinkedHashMap<>();
			for (UnitOwing unit : campaigns.owingPerUnit(deadline.campaign().id(), deadline.kind())) {
				for (Contact contact : responsible.computeIfAbsent(unit.unitId(),
						id -> contacts.holdingOnOrAbove(RESPONSIBLE, id))) {
					perUser.computeIfAbsent(contact.userId(), user -> new Owing(contact, unit.unitId()))
						.add(unit.systems());
				}
			}
			perUser.values().forEach(owing -> due.add(reminder(deadline, owing)));
		}
		return due;
	}

	/** What one responsible user's reach still owes a campaign date. */
	private static final class Owing {

		final Contact contact;

		final long firstUnitId;

		long systems;

		int units;

		Owing(Contact contact, long firstUnitId) {
			this.contact = contact;
			this.firstUnitId = firstUnitId;
		}

		void add(long count) {
			systems += count;
			units++;
		}

	}

	private static Deadline reminder(Campaigns.Deadline deadline, Owing owing) {
		var campaign = deadline.campaign();
		boolean levels = deadline.kind() == DeadlineKind.LEVELS_APPROVED;
		String vi = campaign.nameVi() + ": " + owing.systems
				+ (levels ? " hệ thống thông tin chưa được phê duyệt cấp độ"
						: " hệ thống thông tin chưa triển khai đủ phương án bảo đảm an toàn theo cấp độ")
				+ " (" + owing.units + " đơn vị)";
		String en = campaign.nameEn() + ": " + owing.systems
				+ (levels ? " information system(s) without an approved security level"
						: " information system(s) whose security plan is not fully implemented")
				+ " (" + owing.units + (owing.units == 1 ? " unit)" : " units)");
		// one key for everyone: the sent-reminders key holds the user, so each is reminded once per date and offset
		return new Deadline("campaign:" + campaign.id() + ":" + deadline.kind(), deadline.dueOn(), owing.firstUnitId,
				vi, en, "/levels/campaigns/" + campaign.id() + "/systems?kind=" + deadline.kind(),
				List.of(owing.contact));
	}

}
