package vn.camguard.organization.setup;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.unit.Unit;
import vn.camguard.organization.unit.UnitDraft;
import vn.camguard.organization.unit.UnitKind;
import vn.camguard.organization.unit.UnitStore;
import vn.camguard.organization.user.UserAccount;
import vn.camguard.organization.user.UserStore;

/** Unchecked creation of units, users and grants for the first start, demo data and tests. */
@Service
@Transactional
class SystemOrganizationSetup implements OrganizationSetup {

	private final UnitStore units;

	private final UserStore users;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	SystemOrganizationSetup(UnitStore units, UserStore users, PasswordEncoder passwords, AuditTrail audit) {
		this.units = units;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Override
	public UnitRef ensureUnit(String code, String name, String kind, String parentCode) {
		String cleanCode = UnitDraft.cleanCode(code);
		UnitKind unitKind = UnitKind.parse(kind);
		if (cleanCode == null || unitKind == null || name == null || name.isBlank()) {
			throw new IllegalArgumentException("bad unit " + code + " / " + kind);
		}
		Optional<Unit> existing = units.findByCode(cleanCode);
		if (existing.isPresent()) {
			return existing.get().ref();
		}
		Long parentId = null;
		if (parentCode != null) {
			Unit parent = units.findByCode(UnitDraft.cleanCode(parentCode))
				.orElseThrow(() -> new IllegalArgumentException("no parent " + parentCode));
			if (!unitKind.mayHangUnder(parent.kind())) {
				throw new IllegalArgumentException(kind + " may not hang under " + parent.kind());
			}
			parentId = parent.id();
		}
		else if (unitKind != UnitKind.PROVINCE) {
			throw new IllegalArgumentException("only a province is a root");
		}
		Unit created = units.insert(cleanCode, name.strip(), unitKind, parentId);
		audit.record("unit.create", "unit", Long.toString(created.id()), created.id(), null, created.audited());
		return created.ref();
	}

	@Override
	public long ensureUser(String username, String displayName, long unitId, String password,
			boolean mustChangePassword) {
		Optional<UserAccount> existing = users.findByUsername(username);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		long id = users.insert(username, displayName, unitId, passwords.encode(password), mustChangePassword);
		audit.record("user.create", "user", Long.toString(id), unitId, null,
				users.find(id).orElseThrow().audited());
		return id;
	}

	@Override
	public void grant(long userId, Role role, long unitId) {
		if (users.grant(userId, role, unitId).isPresent()) {
			return;
		}
		users.addGrant(userId, role, unitId);
		var grant = users.grant(userId, role, unitId).orElseThrow();
		audit.record("grant.add", "grant", Long.toString(grant.id()), unitId, null, grant.audited());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> findUser(String username) {
		return users.findByUsername(username).map(UserAccount::id);
	}

}
