package vn.camguard.notifications.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.notifications.Notice;
import vn.camguard.organization.UnitScope;

/** The notification tables: notifications, their mail outcomes, the deadline reminders sent. */
@Repository
public class NotificationStore {

	private final JdbcClient jdbc;

	NotificationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Long unitId, Long userId, Notice notice, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (unit_id, user_id, kind, text_vi, text_en, link, subject_ref, created_at)
				VALUES (:unit, :user, :kind, :vi, :en, :link, :ref, :now)""")
			.param("unit", unitId)
			.param("user", userId)
			.param("kind", notice.kind())
			.param("vi", cut(notice.textVi(), 2000))
			.param("en", cut(notice.textEn(), 2000))
			.param("link", notice.link())
			.param("ref", notice.subjectRef())
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Notes, in the notification's own transaction, that its mail to the user is still to go: if the instance stops
	 * before the mail went, the row stays pending and a later reminder run sends it (at least once).
	 */
	public void pendingMail(long notificationId, long userId, OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO notification_mail (notification_id, user_id, outcome, failure, at, attempts)
				VALUES (:n, :u, 'PENDING', NULL, :at, 0)""")
			.param("n", notificationId)
			.param("u", userId)
			.param("at", at)
			.update();
	}

	/** The outcome of one attempt to mail the notification to the user. */
	public void recordMail(long notificationId, long userId, String outcome, String failure, OffsetDateTime at) {
		jdbc.sql("""
				UPDATE notification_mail SET outcome = :outcome, failure = :failure, at = :at, attempts = attempts + 1
				WHERE notification_id = :n AND user_id = :u""")
			.param("n", notificationId)
			.param("u", userId)
			.param("outcome", outcome)
			.param("failure", failure == null ? null : cut(failure, 500))
			.param("at", at)
			.update();
	}

	/** A reminder's mail still owed to a user: it failed, or its sending stopped half way. */
	public record OwedMail(long notificationId, long userId, Notice notice) {
	}

	/**
	 * Reminder mails to try again: failed, or pending or being sent since before {@code staleBefore} (the instance
	 * sending them stopped), tried fewer than {@code maxAttempts} times, of a deadline not yet past.
	 */
	public List<OwedMail> owedReminderMails(LocalDate today, OffsetDateTime staleBefore, int maxAttempts, int limit) {
		return jdbc.sql("""
				SELECT m.notification_id, m.user_id, n.kind, n.text_vi, n.text_en, n.link, n.subject_ref
				FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE (m.outcome = 'FAILED' OR (m.outcome IN ('PENDING', 'SENDING') AND m.at < :stale))
				AND m.attempts < :max
				AND EXISTS (SELECT 1 FROM notification_reminder r WHERE r.notification_id = m.notification_id
				            AND r.user_id = m.user_id AND r.due_on >= :today)
				ORDER BY m.at, m.notification_id LIMIT :limit""")
			.param("stale", staleBefore)
			.param("max", maxAttempts)
			.param("today", today)
			.param("limit", limit)
			.query((rs, row) -> new OwedMail(rs.getLong(1), rs.getLong(2),
					new Notice(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))))
			.list();
	}

	/**
	 * Takes an owed mail for sending: true for the one instance whose update found it still owed (failed, or stale
	 * as {@link #owedReminderMails} says), so two runs at once do not both send it.
	 */
	public boolean claimOwedMail(long notificationId, long userId, OffsetDateTime staleBefore, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE notification_mail SET outcome = 'SENDING', at = :now
				WHERE notification_id = :n AND user_id = :u
				AND (outcome = 'FAILED' OR (outcome IN ('PENDING', 'SENDING') AND at < :stale))""")
			.param("n", notificationId)
			.param("u", userId)
			.param("stale", staleBefore)
			.param("now", now)
			.update() == 1;
	}

	/**
	 * Records that a reminder was sent; a second one for the same recipient, deadline and offset breaks the unique key
	 * (a {@link org.springframework.dao.DuplicateKeyException}), whichever instance tries.
	 */
	public void claimReminder(String deadlineKey, LocalDate dueOn, int offsetDays, long userId, long notificationId,
			OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO notification_reminder (deadline_key, due_on, offset_days, user_id, notification_id, sent_at)
				VALUES (:key, :due, :offset, :user, :n, :now)""")
			.param("key", deadlineKey)
			.param("due", dueOn)
			.param("offset", offsetDays)
			.param("user", userId)
			.param("n", notificationId)
			.param("now", now)
			.update();
	}

	/** A notification as the inbox shows it. */
	public record InboxRow(long id, String kind, String unitName, String textVi, String textEn, String link,
			OffsetDateTime createdAt, boolean personal, String mailOutcome, int mailAttempts) {
	}

	/** The newest notifications of the user and of the units in the scope (with their subtrees). */
	public List<InboxRow> inbox(long userId, UnitScope scope, int limit) {
		String units = scope.isEmpty() ? "" : " OR n.unit_id IN (SELECT descendant_id FROM organization_unit_closure "
				+ "WHERE ancestor_id IN (" + scope.sqlIdList() + "))";
		return jdbc.sql("""
				SELECT n.id, n.kind, u.name, n.text_vi, n.text_en, n.link, n.created_at, n.user_id IS NOT NULL,
				  m.outcome, m.attempts
				FROM notification n LEFT JOIN organization_unit u ON u.id = n.unit_id
				LEFT JOIN notification_mail m ON m.notification_id = n.id AND m.user_id = :user
				WHERE n.user_id = :user""" + units + " ORDER BY n.created_at DESC, n.id DESC LIMIT " + limit)
			.param("user", userId)
			.query((rs, row) -> new InboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getBoolean(8),
					rs.getString(9), rs.getInt(10)))
			.list();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
