package vn.camguard.organization.user;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.Permission;
import vn.camguard.organization.Role;
import vn.camguard.organization.UserContacts;
import vn.camguard.organization.access.RolePermissions;

@Component
class JdbcUserContacts implements UserContacts {

	private static final String COLUMNS = "u.id, u.username, u.display_name, u.email";

	private final JdbcClient jdbc;

	JdbcUserContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Contact> holdingOnOrAbove(Set<Role> roles, long unitId) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT " + COLUMNS + """
				 FROM organization_user u JOIN organization_grant g ON g.user_id = u.id
				WHERE u.enabled AND g.role IN (:roles) AND g.unit_id IN
				  (SELECT ancestor_id FROM organization_unit_closure WHERE descendant_id = :unit)
				ORDER BY u.username""")
			.param("roles", roles.stream().map(Role::name).toList())
			.param("unit", unitId)
			.query(JdbcUserContacts::contact)
			.list();
	}

	@Override
	public List<Contact> withPermissionOn(Permission permission, long unitId) {
		List<String> roles = Arrays.stream(Role.values())
			.filter(role -> RolePermissions.carries(role, permission))
			.map(Role::name)
			.toList();
		return jdbc.sql("SELECT DISTINCT " + COLUMNS + """
				 FROM organization_user u JOIN organization_grant g ON g.user_id = u.id
				WHERE u.enabled AND g.role IN (:roles) AND g.unit_id = :unit ORDER BY u.username""")
			.param("roles", roles)
			.param("unit", unitId)
			.query(JdbcUserContacts::contact)
			.list();
	}

	@Override
	public Optional<Contact> byId(long userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organization_user u WHERE u.enabled AND u.id = :id")
			.param("id", userId)
			.query(JdbcUserContacts::contact)
			.optional();
	}

	@Override
	public Optional<Contact> byUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organization_user u WHERE u.enabled AND u.username = :name")
			.param("name", username)
			.query(JdbcUserContacts::contact)
			.optional();
	}

	private static Contact contact(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
	}

}
