package vn.camguard.shared;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains a start that failed because the embedded H2 database file is open in another process,
 * typically a second {@code ./camguard run} from the same folder: without this the console shows
 * several screens of stack trace ending in "Database may be already in use". H2 locks the file, so
 * nothing is damaged; the user only needs to know what to do.
 */
public class DatabaseFileInUse implements FailureAnalyzer {

	/** H2's SQL state for "database already open" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
	private static final String H2_DATABASE_ALREADY_OPEN = "90020";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && H2_DATABASE_ALREADY_OPEN.equals(sql.getSQLState())) {
				return new FailureAnalysis("""
						CamGuard's database file is already in use by another process, most likely a CamGuard \
						that is still running from this folder. Nothing was changed. (%s)""".formatted(sql.getMessage()),
						"""
						Use the instance that is already running (it printed its address when it started), or stop \
						it first. To run a second instance next to it, give it its own port and database file, e.g. \
						./camguard run --server.port=8081 \
						--spring.datasource.url='jdbc:h2:file:./data2/camguard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'""",
						failure);
			}
		}
		return null;
	}

}
