package vn.camguard.notices.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.notices.domain.BounceCheck;

/** The last read of the bounce mailbox ({@code notice_bounce_check}, one row), for every instance's notices page. */
@Repository
public class BounceChecks {

	private static final int ROW = 1;

	private final JdbcClient jdbc;

	BounceChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void save(BounceCheck check) {
		// one instance runs the check at a time (db-scheduler), so update-then-insert does not race
		int updated = jdbc.sql("""
				UPDATE notice_bounce_check SET checked_at = :at, read_count = :read, bounced = :bounced,
				  unmatched = :unmatched, malformed = :malformed, error = :error WHERE id = :id""")
			.params(params(check))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO notice_bounce_check (id, checked_at, read_count, bounced, unmatched, malformed, error)
					VALUES (:id, :at, :read, :bounced, :unmatched, :malformed, :error)""")
				.params(params(check))
				.update();
		}
	}

	public Optional<BounceCheck> last() {
		return jdbc.sql("SELECT * FROM notice_bounce_check WHERE id = :id")
			.param("id", ROW)
			.query((rs, n) -> new BounceCheck(rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
					rs.getInt("read_count"), rs.getInt("bounced"), rs.getInt("unmatched"), rs.getInt("malformed"),
					rs.getString("error")))
			.optional();
	}

	private static java.util.Map<String, Object> params(BounceCheck check) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", ROW);
		params.put("at", OffsetDateTime.ofInstant(check.checkedAt(), ZoneOffset.UTC));
		params.put("read", check.read());
		params.put("bounced", check.bounced());
		params.put("unmatched", check.unmatched());
		params.put("malformed", check.malformed());
		params.put("error", check.error());
		return params;
	}

}
