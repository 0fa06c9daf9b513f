package vn.camguard.organization.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of failed sign-ins ({@code organization_sign_in_failure}). */
@Repository
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many failures still count for a key since a time, and when the last one was. */
	record Tally(long failures, OffsetDateTime last) {
	}

	void add(String username, Long userId, String address, OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO organization_sign_in_failure (username, user_id, address, failed_at, counting, owner_told)
				VALUES (:username, :user, :address, :at, TRUE, FALSE)""")
			.param("username", username)
			.param("user", userId)
			.param("address", address)
			.param("at", at)
			.update();
	}

	Tally forNameAndAddress(String username, String address, OffsetDateTime since) {
		return jdbc.sql("""
				SELECT COUNT(*), MAX(failed_at) FROM organization_sign_in_failure
				WHERE username = :username AND address = :address AND counting = TRUE AND failed_at > :since""")
			.param("username", username)
			.param("address", address)
			.param("since", since)
			.query((rs, n) -> new Tally(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
	}

	Tally forAddress(String address, OffsetDateTime since) {
		return jdbc.sql("""
				SELECT COUNT(*), MAX(failed_at) FROM organization_sign_in_failure
				WHERE address = :address AND counting = TRUE AND failed_at > :since""")
			.param("address", address)
			.param("since", since)
			.query((rs, n) -> new Tally(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
	}

	/** Per address, the failures that still count against this name. */
	List<AddressTally> countingForName(String username, OffsetDateTime since) {
		return jdbc.sql("""
				SELECT address, COUNT(*), MAX(failed_at) FROM organization_sign_in_failure
				WHERE username = :username AND counting = TRUE AND failed_at > :since
				GROUP BY address ORDER BY MAX(failed_at) DESC""")
			.param("username", username)
			.param("since", since)
			.query((rs, n) -> new AddressTally(rs.getString(1), new Tally(rs.getLong(2),
					rs.getObject(3, OffsetDateTime.class))))
			.list();
	}

	record AddressTally(String address, Tally tally) {
	}

	int stopCounting(String username, Optional<String> address) {
		if (address.isEmpty()) {
			return jdbc.sql("UPDATE organization_sign_in_failure SET counting = FALSE WHERE username = :username AND counting = TRUE")
				.param("username", username)
				.update();
		}
		return jdbc.sql("""
				UPDATE organization_sign_in_failure SET counting = FALSE
				WHERE username = :username AND address = :address AND counting = TRUE""")
			.param("username", username)
			.param("address", address.get())
			.update();
	}

	List<SignInThrottle.FailedSignIn> recent(long userId, int limit) {
		return jdbc.sql("""
				SELECT failed_at, address FROM organization_sign_in_failure WHERE user_id = :user
				ORDER BY failed_at DESC, id DESC LIMIT :limit""")
			.param("user", userId)
			.param("limit", limit)
			.query((rs, n) -> new SignInThrottle.FailedSignIn(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
			.list();
	}

	List<SignInThrottle.FailedSignIn> untold(long userId, int limit) {
		return jdbc.sql("""
				SELECT failed_at, address FROM organization_sign_in_failure WHERE user_id = :user AND owner_told = FALSE
				ORDER BY failed_at DESC, id DESC LIMIT :limit""")
			.param("user", userId)
			.param("limit", limit)
			.query((rs, n) -> new SignInThrottle.FailedSignIn(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
			.list();
	}

	long countUntold(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM organization_sign_in_failure WHERE user_id = :user AND owner_told = FALSE")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	void markTold(long userId) {
		jdbc.sql("UPDATE organization_sign_in_failure SET owner_told = TRUE WHERE user_id = :user AND owner_told = FALSE")
			.param("user", userId)
			.update();
	}

	/** Forgets failures that no longer count and that the owner has seen (or that named no account). */
	void purgeBefore(OffsetDateTime cutoff) {
		jdbc.sql("""
				DELETE FROM organization_sign_in_failure
				WHERE failed_at < :cutoff AND (owner_told = TRUE OR user_id IS NULL)""")
			.param("cutoff", cutoff)
			.update();
	}

}
