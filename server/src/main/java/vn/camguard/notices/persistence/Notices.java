package vn.camguard.notices.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.monitoring.MonitoredFinding;
import vn.camguard.notices.domain.Notice;
import vn.camguard.notices.domain.NoticeStatus;
import vn.camguard.notices.domain.SubscriberFindings;

/** The {@code subscriber_notice} table and the findings each notice listed. */
@Repository
public class Notices {

	private final JdbcClient jdbc;

	Notices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Saves a new notice with its findings and the reference {@code prefix-<id>}; returns its id. */
	public long insert(long organizationId, String referencePrefix, SubscriberFindings group, NoticeStatus status,
			String by, Instant at) {
		String placeholder = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO subscriber_notice (organization_id, reference, subscriber_code, subscriber_name, email,
				  language, status, attempts, created_at, created_by)
				VALUES (:org, :reference, :code, :name, :email, :language, :status, 0, :at, :by)""")
			.param("org", organizationId)
			.param("reference", placeholder)
			.param("code", group.subscriber().subscriberCode())
			.param("name", group.subscriber().subscriberName())
			.param("email", group.subscriber().email())
			.param("language", group.subscriber().language())
			.param("status", status.name())
			.param("at", utc(at))
			.param("by", by)
			.update();
		long id = jdbc.sql("SELECT id FROM subscriber_notice WHERE reference = :reference")
			.param("reference", placeholder)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE subscriber_notice SET reference = :reference WHERE id = :id")
			.param("reference", referencePrefix + "-" + id)
			.param("id", id)
			.update();
		for (MonitoredFinding f : group.findings()) {
			jdbc.sql("""
					INSERT INTO subscriber_notice_finding (notice_id, finding_id, address, port, check_id, severity,
					  title, last_seen)
					VALUES (:notice, :finding, :address, :port, :check, :severity, :title, :lastSeen)""")
				.param("notice", id)
				.param("finding", f.id())
				.param("address", f.address())
				.param("port", f.port())
				.param("check", f.checkId())
				.param("severity", f.severity())
				.param("title", f.title())
				.param("lastSeen", utc(f.lastSeen()))
				.update();
		}
		return id;
	}

	/**
	 * Records one delivery attempt: its outcome, and what a bounce of it would carry back (the mail's Message-ID and
	 * the token of its envelope sender). A new attempt forgets the previous one's bounce.
	 */
	public void attempted(long id, NoticeStatus status, String failure, Instant sentAt, String messageId,
			String bounceToken) {
		jdbc.sql("""
				UPDATE subscriber_notice SET status = :status, failure = :failure, attempts = attempts + 1,
				  sent_at = :sentAt, message_id = :messageId, bounce_token = :token, bounce_recipient = NULL,
				  bounce_status = NULL, bounce_diagnostic = NULL, bounced_at = NULL WHERE id = :id""")
			.param("status", status.name())
			.param("failure", failure)
			.param("sentAt", sentAt == null ? null : utc(sentAt))
			.param("messageId", messageId)
			.param("token", bounceToken)
			.param("id", id)
			.update();
	}

	/** The mailed notice whose last attempt's envelope sender carried this token. */
	public Optional<Notice> byBounceToken(String token) {
		return jdbc.sql("SELECT id FROM subscriber_notice WHERE bounce_token = :token AND sent_at IS NOT NULL")
			.param("token", token)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	/** The mailed notice whose last attempt had this Message-ID. */
	public Optional<Notice> byMessageId(String messageId) {
		return jdbc.sql("SELECT id FROM subscriber_notice WHERE message_id = :messageId AND sent_at IS NOT NULL")
			.param("messageId", messageId)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	/** Marks a sent notice bounced; answers false when it is not (or no longer) in the sent state. */
	public boolean bounced(long id, Notice.Bounce bounce) {
		return jdbc.sql("""
				UPDATE subscriber_notice SET status = 'BOUNCED', bounce_recipient = :recipient, bounce_status = :status,
				  bounce_diagnostic = :diagnostic, bounced_at = :at WHERE id = :id AND status = 'SENT'""")
			.param("recipient", bounce.recipient())
			.param("status", bounce.status())
			.param("diagnostic", bounce.diagnostic())
			.param("at", utc(bounce.at()))
			.param("id", id)
			.update() == 1;
	}

	/** The address a retry mails to, once the subscriber's mapping names a new one. */
	public void readdressed(long id, String email) {
		jdbc.sql("UPDATE subscriber_notice SET email = :email WHERE id = :id")
			.param("email", email)
			.param("id", id)
			.update();
	}

	/** The organisation's bounced notices, newest first, without their findings. */
	public List<Notice> bounced(long organizationId, int limit) {
		return jdbc.sql("SELECT * FROM subscriber_notice WHERE organization_id = :org AND status = 'BOUNCED' "
				+ "ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.param("org", organizationId)
			.query((rs, n) -> notice(rs, List.of()))
			.list();
	}

	public Optional<Notice> find(long id) {
		return jdbc.sql("SELECT * FROM subscriber_notice WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> notice(rs, List.of()))
			.optional()
			.map(n -> new Notice(n.id(), n.organizationId(), n.reference(), n.subscriberCode(), n.subscriberName(),
					n.email(), n.language(), n.status(), n.failure(), n.attempts(), n.createdAt(), n.createdBy(),
					n.sentAt(), n.bounce(), findings(id)));
	}

	/** The organisation's latest notices, newest first, without their findings. */
	public List<Notice> latest(long organizationId, int limit) {
		return jdbc.sql("SELECT * FROM subscriber_notice WHERE organization_id = :org ORDER BY id DESC FETCH FIRST "
				+ limit + " ROWS ONLY")
			.param("org", organizationId)
			.query((rs, n) -> notice(rs, List.of()))
			.list();
	}

	/** Notices mailed (sent in the period) or printed (made in the period). */
	public int delivered(long organizationId, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM subscriber_notice
				WHERE organization_id = :org AND ((status = 'SENT' AND sent_at >= :from AND sent_at < :until)
				  OR (status = 'LETTER' AND created_at >= :from AND created_at < :until))""")
			.param("org", organizationId)
			.param("from", utc(from))
			.param("until", utc(until))
			.query(Integer.class)
			.single();
	}

	private List<Notice.NoticeFinding> findings(long noticeId) {
		return jdbc.sql("SELECT * FROM subscriber_notice_finding WHERE notice_id = :id ORDER BY address, check_id")
			.param("id", noticeId)
			.query((rs, n) -> {
				int port = rs.getInt("port");
				return new Notice.NoticeFinding(rs.getLong("finding_id"), rs.getString("address"),
						rs.wasNull() ? null : port, rs.getString("check_id"), rs.getString("severity"),
						rs.getString("title"), instant(rs, "last_seen"));
			})
			.list();
	}

	private static Notice notice(ResultSet rs, List<Notice.NoticeFinding> findings) throws SQLException {
		return new Notice(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("reference"),
				rs.getString("subscriber_code"), rs.getString("subscriber_name"), rs.getString("email"),
				rs.getString("language"), NoticeStatus.valueOf(rs.getString("status")), rs.getString("failure"),
				rs.getInt("attempts"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "sent_at"),
				bounce(rs), findings);
	}

	private static Notice.Bounce bounce(ResultSet rs) throws SQLException {
		Instant at = instant(rs, "bounced_at");
		return at == null ? null : new Notice.Bounce(rs.getString("bounce_recipient"), rs.getString("bounce_status"),
				rs.getString("bounce_diagnostic"), at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

}
