package vn.camguard.organization.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.Role;
import vn.camguard.organization.UnitScope;

/** Users and grants tables. */
@Repository
public class UserStore {

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserAccount> find(long id) {
		return jdbc.sql("SELECT * FROM organization_user WHERE id = :id").param("id", id).query(UserStore::account).optional();
	}

	public Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM organization_user WHERE username = :username")
			.param("username", username)
			.query(UserStore::account)
			.optional();
	}

	public Optional<String> passwordHash(long id) {
		return jdbc.sql("SELECT password_hash FROM organization_user WHERE id = :id").param("id", id).query(String.class).optional();
	}

	/**
	 * Whether the user may still act (exists and enabled), whether it must change its password first, and when its
	 * password last changed (null when not since sessions were checked against it): a session signed in before that
	 * is over.
	 */
	public record SessionState(boolean enabled, boolean mustChangePassword, Instant credentialsChangedAt) {
	}

	public SessionState sessionState(long id) {
		return jdbc.sql("SELECT enabled, must_change_password, credentials_changed_at FROM organization_user WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SessionState(rs.getBoolean(1), rs.getBoolean(2),
					Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
			.optional()
			.orElse(new SessionState(false, false, null));
	}

	/** Users homed in units under the roots, by user name. */
	public List<UserAccount> homedUnder(Collection<Long> roots, int limit) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM organization_user WHERE unit_id IN
				  (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (%s))
				ORDER BY username LIMIT :limit""".formatted(UnitScope.sqlIdList(roots)))
			.param("limit", limit)
			.query(UserStore::account)
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM organization_user").query(Long.class).single();
	}

	public long insert(String username, String displayName, long unitId, String passwordHash, boolean mustChange) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO organization_user (username, display_name, unit_id, password_hash, enabled,
				  must_change_password, failed_logins, created_at)
				VALUES (:username, :displayName, :unit, :hash, TRUE, :mustChange, 0, :now)""")
			.param("username", username)
			.param("displayName", displayName)
			.param("unit", unitId)
			.param("hash", passwordHash)
			.param("mustChange", mustChange)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void update(long id, String displayName, boolean enabled) {
		jdbc.sql("UPDATE organization_user SET display_name = :name, enabled = :enabled WHERE id = :id")
			.param("name", displayName)
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	public void setEmail(long id, String email) {
		jdbc.sql("UPDATE organization_user SET email = :email WHERE id = :id").param("email", email).param("id", id).update();
	}

	/**
	 * Sets a new password; {@code changedAt} (whole microseconds, as the column keeps them) ends every session of
	 * the user that signed in before it.
	 */
	public void setPassword(long id, String passwordHash, boolean mustChange, Instant changedAt) {
		jdbc.sql("""
				UPDATE organization_user SET password_hash = :hash, must_change_password = :mustChange,
				  failed_logins = 0, locked_until = NULL, credentials_changed_at = :changedAt WHERE id = :id""")
			.param("hash", passwordHash)
			.param("mustChange", mustChange)
			.param("changedAt", changedAt.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	public List<UserGrant> grants(long userId) {
		return jdbc.sql("""
				SELECT g.id, g.user_id, g.role, g.unit_id, n.code, n.name FROM organization_grant g
				JOIN organization_unit n ON n.id = g.unit_id WHERE g.user_id = :user ORDER BY n.code, g.role""")
			.param("user", userId)
			.query((rs, n) -> new UserGrant(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	public Optional<UserGrant> grant(long userId, Role role, long unitId) {
		return grants(userId).stream().filter(g -> g.role() == role && g.unitId() == unitId).findFirst();
	}

	public void addGrant(long userId, Role role, long unitId) {
		jdbc.sql("INSERT INTO organization_grant (user_id, role, unit_id) VALUES (:user, :role, :unit)")
			.param("user", userId)
			.param("role", role.name())
			.param("unit", unitId)
			.update();
	}

	public void removeGrant(long grantId) {
		jdbc.sql("DELETE FROM organization_grant WHERE id = :id").param("id", grantId).update();
	}

	static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getLong("unit_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				rs.getInt("failed_logins"), rs.getObject("locked_until", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("email"));
	}

}
