package vn.camguard.monitoring.device;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * Discovered devices as callers see them: listed within the caller's {@code MONITORING_SCAN} scope (per organisation,
 * per job), adopted into the inventory in one action or matched to an inventory entry the same address, MAC or serial
 * suggests. The inventory side goes through its public {@link InventoryDevices}, which checks the caller's inventory
 * rights and audits the creation; the link is audited here.
 */
@Service
public class DiscoveredDevices {

	/** Rows per page of the list. */
	public static final int PAGE_SIZE = 100;

	private final JdbcClient jdbc;

	private final AccessControl access;

	private final InventoryDevices inventory;

	private final AuditTrail audit;

	private final UnitDirectory units;

	private final Clock clock = Clock.systemUTC();

	private final AdoptionChoices choices;

	DiscoveredDevices(JdbcClient jdbc, AccessControl access, InventoryDevices inventory, AuditTrail audit,
			UnitDirectory units, AdoptionChoices choices) {
		this.choices = choices;
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.inventory = inventory;
		this.audit = audit;
	}

	public boolean canSee() {
		return access.allowsAnywhere(Permission.MONITORING_SCAN);
	}

	/** The organisations whose devices the caller may see. */
	public List<UnitRef> organizations() {
		return units.within(access.scope(Permission.MONITORING_SCAN));
	}

	/** The units the caller may adopt a device into (its inventory write scope). */
	public List<UnitRef> adoptionUnits() {
		return units.within(access.scope(Permission.INVENTORY_WRITE));
	}

	/**
	 * The devices of the caller's organisations, by address; only those of one organisation and/or seen by one job
	 * when given (a job or organisation outside the scope lists nothing).
	 */
	@Transactional(readOnly = true)
	public List<DiscoveredDevice> list(Long organizationId, Long jobId, int page) {
		UnitScope scope = access.scope(Permission.MONITORING_SCAN);
		if (scope.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT d.* FROM monitoring_device d WHERE d.organization_id IN "
				+ "(SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (" + scope.sqlIdList()
				+ "))");
		if (organizationId != null) {
			sql.append(" AND d.organization_id = :org");
		}
		if (jobId != null) {
			sql.append(" AND d.id IN (SELECT device_id FROM monitoring_device_job WHERE job_id = :job)");
		}
		sql.append(" ORDER BY d.organization_id, d.address, d.id LIMIT :limit OFFSET :offset");
		var statement = jdbc.sql(sql.toString())
			.param("limit", PAGE_SIZE)
			.param("offset", (long) Math.max(0, page) * PAGE_SIZE);
		if (organizationId != null) {
			statement = statement.param("org", organizationId);
		}
		if (jobId != null) {
			statement = statement.param("job", jobId);
		}
		return statement.query(DiscoveredDevices::device).list();
	}

	@Transactional(readOnly = true)
	public DiscoveredDevice device(long id) {
		DiscoveredDevice device = find(id).orElseThrow(() -> new DeviceNotFound(id));
		if (!access.allows(Permission.MONITORING_SCAN, device.organizationId())) {
			throw new DeviceNotFound(id);
		}
		return device;
	}

	/** Inventory entries (that the caller may read) with the device's address, MAC or serial. */
	@Transactional(readOnly = true)
	public List<DeviceFacts> suggestions(long id) {
		DiscoveredDevice device = device(id);
		return inventory.matching(device.address(), device.mac(), device.serial());
	}

	/** Adds the device to the inventory with its fingerprint and links it; refused if it is linked already. */
	@Transactional
	public DiscoveredDevice adopt(long id, Adoption adoption) {
		DiscoveredDevice device = unlinked(id);
		if (adoption.unitId() == null) {
			throw new InventoryDevices.Refused(List.of(new InventoryDevices.Refused.Problem("unit_code", "required")));
		}
		choices.refuseOutsideScope(adoption);
		String vendor = device.vendor() != null ? device.vendor() : adoption.vendor();
		boolean recorder = adoption.recorder() != null ? adoption.recorder() : "RECORDER".equals(device.kind());
		DeviceFacts added = inventory.add(new InventoryDevices.NewDevice(adoption.unitId(), adoption.systemId(),
				adoption.siteId(), recorder, adoption.name(), vendor, device.model(), device.firmware(),
				device.serial() != null ? device.serial() : adoption.serial(), device.mac(), device.address(),
				device.openPorts()));
		link(device, added.id(), "ADOPTED");
		return device(id);
	}

	/** Links the device to an inventory entry the caller may read and that shares its address, MAC or serial. */
	@Transactional
	public DiscoveredDevice match(long id, long inventoryDeviceId) {
		DiscoveredDevice device = unlinked(id);
		boolean same = inventory.readable(inventoryDeviceId).filter(facts -> same(device, facts)).isPresent();
		if (!same) {
			throw new MonitoringRefusal("monitoring.device.noMatch", device.address());
		}
		link(device, inventoryDeviceId, "MATCHED");
		return device(id);
	}

	/** The inventory entry has the device's address, MAC or serial (an entry the caller cannot read never has). */
	private static boolean same(DiscoveredDevice device, DeviceFacts facts) {
		return equalText(device.address(), facts.address()) || equalText(device.mac(), facts.mac())
				|| equalText(device.serial(), facts.serial());
	}

	private static boolean equalText(String a, String b) {
		return a != null && b != null && a.equalsIgnoreCase(b);
	}

	private DiscoveredDevice unlinked(long id) {
		DiscoveredDevice device = device(id);
		if (device.linked()) {
			throw new MonitoringRefusal("monitoring.device.linked", device.address());
		}
		return device;
	}

	private void link(DiscoveredDevice device, long inventoryDeviceId, String how) {
		Instant now = clock.instant();
		// the guard on NULL keeps two officers from linking one device twice at once
		int linked = jdbc.sql("""
				UPDATE monitoring_device SET inventory_device_id = :inventory, linked_as = :how, linked_by = :by,
				  linked_at = :at
				WHERE id = :id AND inventory_device_id IS NULL""")
			.param("inventory", inventoryDeviceId)
			.param("how", how)
			.param("by", access.caller().username())
			.param("at", Timestamp.from(now))
			.param("id", device.id())
			.update();
		if (linked != 1) {
			throw new MonitoringRefusal("monitoring.device.linked", device.address());
		}
		audit.record("monitoring.device." + (how.equals("ADOPTED") ? "adopt" : "match"), "monitoring-device",
				Long.toString(device.id()), device.organizationId(), null,
				Map.of("address", device.address(), "inventoryDevice", inventoryDeviceId));
	}

	private Optional<DiscoveredDevice> find(long id) {
		return jdbc.sql("SELECT * FROM monitoring_device WHERE id = :id").param("id", id)
			.query(DiscoveredDevices::device)
			.optional();
	}

	private static DiscoveredDevice device(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long inventory = rs.getLong("inventory_device_id");
		Long inventoryId = rs.wasNull() ? null : inventory;
		return new DiscoveredDevice(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("address"),
				rs.getString("open_ports"), rs.getString("vendor"), rs.getString("model"), rs.getString("firmware"),
				rs.getString("kind"), rs.getString("mac"), rs.getString("serial"), instant(rs, "first_seen"),
				instant(rs, "last_seen"), rs.getInt("times_seen"), rs.getLong("first_job_id"), rs.getLong("last_job_id"),
				inventoryId, rs.getString("linked_as"), rs.getString("linked_by"), instant(rs, "linked_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
