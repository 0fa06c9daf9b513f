package vn.camguard.notices;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the bounce tests read and wait for in the database, in one place. */
final class BounceCheckFixture {

	private BounceCheckFixture() {
	}

	/** One column of one row as text (null stays null), e.g. a notice's status or a finding's reference. */
	static String cell(JdbcClient jdbc, String table, long id, String column) {
		return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(500)) FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	/** The scheduler's read at start is done (so it cannot take the mails a test delivers); bounded. */
	static void waitForFirstScheduledCheck(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			Long done = jdbc.sql("""
					SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'notice-bounce-check'
					  AND (last_success IS NOT NULL OR last_failure IS NOT NULL) AND picked = FALSE""")
				.query(Long.class)
				.single();
			if (done > 0) {
				return;
			}
			Thread.sleep(100);
		}
	}

}
