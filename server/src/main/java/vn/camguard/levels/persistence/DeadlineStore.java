package vn.camguard.levels.persistence;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open legal deadlines of dossiers and due dates of plan items, for the reminders (no caller scope: the job's). */
@Repository
public class DeadlineStore {

	private final JdbcClient jdbc;

	DeadlineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A dossier waiting for the appraising or approving body, with the step's last day. */
	public record OpenStep(long dossierId, long systemId, long unitId, long frameworkVersionId, int level, String status,
			LocalDate dueOn) {
	}

	public List<OpenStep> openSteps(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT id, system_id, unit_id, framework_version_id, level, status, step_due_on FROM level_dossier
				WHERE status IN ('SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED') AND step_due_on BETWEEN :from AND :to
				ORDER BY step_due_on, id""")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new OpenStep(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
					rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
	}

	/** A plan item not yet done (nor set aside) of an approved level, with its due date. */
	public record OpenItem(long dossierId, long systemId, long unitId, String itemKey, String owner, LocalDate dueOn) {
	}

	public List<OpenItem> openItems(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT p.dossier_id, d.system_id, d.unit_id, p.item_key, p.owner, p.due_on
				FROM level_plan_item p JOIN level_dossier d ON d.id = p.dossier_id
				WHERE d.status = 'APPROVED' AND p.status IN ('NOT_STARTED', 'IN_PROGRESS')
				  AND p.due_on BETWEEN :from AND :to
				ORDER BY p.due_on, p.dossier_id, p.item_key""")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new OpenItem(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class)))
			.list();
	}

}
