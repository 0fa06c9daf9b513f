package vn.camguard.inventory.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.domain.ImportBatch;
import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.InvalidValue;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.inventory.domain.Site;
import vn.camguard.inventory.domain.SiteDraft;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.UnitOwned;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.inventory.persistence.ImportBatches;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.inventory.persistence.Sites;
import vn.camguard.inventory.persistence.UnitOwnedTable;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * The inventory's one entry point for the web pages, the REST API and the import. Reads are limited
 * to the caller's {@link Permission#INVENTORY_READ} scope (an id outside it is "not found"); every
 * write checks {@link Permission#INVENTORY_WRITE} on the unit concerned (both units when a record
 * moves) and records before/after in the audit trail inside the same transaction.
 */
@Service
public class InventoryManagement {

	/** The entity names of systems and sites in the audit trail and in not-found answers. */
	private static final String SYSTEM = "system";

	private static final String SITE = "site";

	/** Most serials named when a rollback is refused because devices were changed since the import. */
	public static final int CHANGED_SHOWN = 20;

	/** Longest reason kept for a deletion or a rollback. */
	public static final int REASON_MAX = 1_000;

	private final AccessControl access;

	private final AuditTrail audit;

	private final UnitDirectory units;

	private final Devices devices;

	private final InformationSystems systems;

	private final Sites sites;

	private final ImportBatches importBatches;

	private final org.springframework.context.ApplicationEventPublisher events;

	public InventoryManagement(AccessControl access, AuditTrail audit, UnitDirectory units, Devices devices,
			InformationSystems systems, Sites sites, ImportBatches importBatches,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.access = access;
		this.audit = audit;
		this.units = units;
		this.devices = devices;
		this.systems = systems;
		this.sites = sites;
		this.importBatches = importBatches;
	}

	// ---- reads

	@Transactional(readOnly = true)
	public ResultPage<Device> devices(DeviceFilter filter, DeviceSort sort, boolean ascending, int page, int size) {
		return devices.page(readScope(), filter, sort, ascending, page, size);
	}

	@Transactional(readOnly = true)
	public Device device(long id) {
		return devices.find(readScope(), id).orElseThrow(() -> new NotFoundInScope("device", id));
	}

	/** Hands every matching device, in list order, to {@code sink} inside one read transaction. */
	@Transactional(readOnly = true)
	public <T> T exportDevices(DeviceFilter filter, DeviceSort sort, boolean ascending,
			Function<Stream<Device>, T> sink) {
		try (Stream<Device> stream = devices.stream(readScope(), filter, sort, ascending)) {
			return sink.apply(stream);
		}
	}

	@Transactional(readOnly = true)
	public ResultPage<InformationSystem> systems(NameFilter filter, int page, int size) {
		return systems.page(readScope(), filter, page, size);
	}

	@Transactional(readOnly = true)
	public InformationSystem system(long id) {
		return find(SYSTEM, systems, id);
	}

	@Transactional(readOnly = true)
	public List<InformationSystem> systemOptions() {
		return systems.options(readScope());
	}

	/** Every system the caller reads, unlike {@link #systemOptions()} not cut for a drop-down. */
	@Transactional(readOnly = true)
	public List<InformationSystem> allSystems() {
		return systems.all(readScope());
	}

	@Transactional(readOnly = true)
	public ResultPage<Site> sites(NameFilter filter, int page, int size) {
		return sites.page(readScope(), filter, page, size);
	}

	@Transactional(readOnly = true)
	public Site site(long id) {
		return find(SITE, sites, id);
	}

	@Transactional(readOnly = true)
	public List<Site> siteOptions() {
		return sites.options(readScope());
	}

	/** Systems of the units the caller may change, for a form that adds a device (drop-down sized). */
	@Transactional(readOnly = true)
	public List<InformationSystem> writableSystemOptions() {
		return systems.options(access.scope(Permission.INVENTORY_WRITE));
	}

	/** Sites of the units the caller may change, for a form that adds a device (drop-down sized). */
	@Transactional(readOnly = true)
	public List<Site> writableSiteOptions() {
		return sites.options(access.scope(Permission.INVENTORY_WRITE));
	}

	/**
	 * The systems a device's form offers: those of units the caller may change, and the one the device (null for
	 * a new one) hangs on now, which may stay.
	 */
	@Transactional(readOnly = true)
	public List<InformationSystem> systemOptionsFor(Device device) {
		return withCurrent(writableSystemOptions(), device == null ? null : device.systemId(), systems);
	}

	/** The sites a device's form offers, as {@link #systemOptionsFor}. */
	@Transactional(readOnly = true)
	public List<Site> siteOptionsFor(Device device) {
		return withCurrent(writableSiteOptions(), device == null ? null : device.siteId(), sites);
	}

	private <T extends UnitOwned<D>, D extends UnitOwned.Draft<D>> List<T> withCurrent(List<T> options, Long current,
			UnitOwnedTable<T, D> table) {
		if (current == null || options.stream().anyMatch(option -> option.id() == current)) {
			return options;
		}
		List<T> withCurrent = new ArrayList<>(options);
		table.find(readScope(), current).ifPresent(withCurrent::add);
		return withCurrent;
	}

	/** Whether the caller may change records of this unit (to show or hide edit buttons). */
	public boolean canWrite(long unitId) {
		return access.allows(Permission.INVENTORY_WRITE, unitId);
	}

	/** Whether the caller may change inventory anywhere (to show create and import buttons). */
	public boolean canWriteAnywhere() {
		return access.allowsAnywhere(Permission.INVENTORY_WRITE);
	}

	/** Refuses (403) a caller who may not change inventory anywhere, e.g. before showing a create form. */
	public void requireWriteAnywhere() {
		if (!canWriteAnywhere()) {
			throw new AccessDeniedException("missing INVENTORY_WRITE");
		}
	}

	/** A device for its edit form: 404 outside the read scope, 403 when the caller may only read it. */
	@Transactional(readOnly = true)
	public Device deviceForEdit(long id) {
		Device device = device(id);
		access.require(Permission.INVENTORY_WRITE, device.unitId());
		return device;
	}

	/** A system for its edit form: 404 outside the read scope, 403 when the caller may only read it. */
	@Transactional(readOnly = true)
	public InformationSystem systemForEdit(long id) {
		InformationSystem system = system(id);
		access.require(Permission.INVENTORY_WRITE, system.unitId());
		return system;
	}

	/** A site for its edit form: 404 outside the read scope, 403 when the caller may only read it. */
	@Transactional(readOnly = true)
	public Site siteForEdit(long id) {
		Site site = site(id);
		access.require(Permission.INVENTORY_WRITE, site.unitId());
		return site;
	}

	/** The units the caller may put records into, for form drop-downs. */
	public List<UnitRef> writableUnits() {
		return units.within(access.scope(Permission.INVENTORY_WRITE));
	}

	/** A unit the caller can read inventory of, by code; empty when unknown or outside the read scope. */
	public Optional<UnitRef> readableUnit(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return units.findByCode(code.strip())
			.filter(unit -> access.allows(Permission.INVENTORY_READ, unit.id()));
	}

	/** The unit a record belongs to, for showing its name. */
	public Optional<UnitRef> unit(long unitId) {
		return units.find(unitId);
	}

	// ---- device writes

	@Transactional
	public Device createDevice(DeviceDraft draft) {
		DeviceDraft clean = checkedDevice(draft, null, null);
		long id = devices.insert(clean, now());
		events.publishEvent(new vn.camguard.inventory.DevicesChanged(List.of(id)));
		audit.record("device.create", "device", Long.toString(id), clean.unitId(), null, clean);
		return device(id);
	}

	@Transactional
	public Device updateDevice(long id, DeviceDraft draft) {
		Device before = device(id);
		access.require(Permission.INVENTORY_WRITE, before.unitId());
		DeviceDraft clean = checkedDevice(draft, id, before);
		devices.update(id, clean, before.createdAt(), now());
		events.publishEvent(new vn.camguard.inventory.DevicesChanged(List.of(id)));
		audit.record("device.update", "device", Long.toString(id), clean.unitId(), before.draft(), clean);
		return device(id);
	}

	/**
	 * Saves the rows of an import that {@link DeviceImport} has checked, in one transaction with JDBC
	 * batches, and writes ONE audit entry for the whole import (file, row count, created id ranges)
	 * rather than one per device, so that a million-row load does not add a million audit rows. The
	 * entry is filed under the lowest unit that contains every row's unit.
	 *
	 * The devices carry the id of a new import batch, so that the whole import can be rolled back
	 * ({@link #rollBackImport}).
	 *
	 * @return the batch and the created ids
	 */
	@Transactional
	public ImportedBatch importDevices(String fileName, List<DeviceDraft> checkedDrafts) {
		// one look at the caller's writable units instead of a permission query per unit: an import
		// of a whole province touches thousands of units
		Map<Long, UnitRef> writable = new HashMap<>();
		for (UnitRef unit : writableUnits()) {
			writable.put(unit.id(), unit);
		}
		Set<Long> unitIds = new LinkedHashSet<>();
		for (DeviceDraft draft : checkedDrafts) {
			if (unitIds.add(draft.unitId()) && !writable.containsKey(draft.unitId())) {
				throw new AccessDeniedException("missing INVENTORY_WRITE on unit " + draft.unitId());
			}
		}
		List<Long> ids = devices.nextIds(checkedDrafts.size());
		OffsetDateTime now = now();
		// a province has one root unit, so there is always a common ancestor; the first unit is only a
		// guard for a tree with several roots (then only that unit's writers may roll the import back)
		Long scopeUnit = Optional.ofNullable(commonAncestor(unitIds, writable)).orElse(unitIds.iterator().next());
		long batchId = importBatches.insert(scopeUnit, access.caller().username(), fileName, checkedDrafts.size(),
				unitIds.size(), now);
		devices.insertAll(ids, checkedDrafts, now, batchId);
		events.publishEvent(new vn.camguard.inventory.DevicesChanged(ids));
		audit.record("device.import", "device-import", Long.toString(batchId), scopeUnit,
				null, new DeviceImportAudit(fileName, checkedDrafts.size(), unitIds.size(), IdRanges.of(ids)));
		// the entry above is filed high up the tree; each touched unit's own audit shows its share too
		Map<Long, Integer> rowsByUnit = new HashMap<>();
		for (DeviceDraft draft : checkedDrafts) {
			rowsByUnit.merge(draft.unitId(), 1, Integer::sum);
		}
		Map<Long, DeviceImportUnitAudit> perUnit = new HashMap<>();
		rowsByUnit.forEach((unit, rows) -> perUnit.put(unit, new DeviceImportUnitAudit(fileName, rows)));
		audit.recordForUnits("device.import.unit", "device-import", Long.toString(batchId), perUnit);
		return new ImportedBatch(batchId, ids);
	}

	/** What an import saved: its batch and the ids of the devices it created. */
	public record ImportedBatch(long batchId, List<Long> ids) {
	}

	/** What the audit log keeps of an import. */
	record DeviceImportAudit(String fileName, int rows, int units, String createdIds) {
	}

	// ---- deleting and undoing

	/**
	 * Deletes a device for good (404 outside the read scope, 403 without write access to its unit, 422
	 * without a reason); the audit entry keeps the whole record and the reason. A device still in use
	 * but out of service is better marked DECOMMISSIONED, which keeps its history.
	 */
	@Transactional
	public void deleteDevice(long id, String reason) {
		Device before = device(id);
		access.require(Permission.INVENTORY_WRITE, before.unitId());
		String why = checkedReason(reason);
		devices.delete(id);
		audit.record("device.delete", "device", Long.toString(id), before.unitId(), before.draft(), new Deletion(why));
	}

	/** Deletes an information system that no device uses any more (422 while devices still point to it). */
	@Transactional
	public void deleteSystem(long id, String reason) {
		InformationSystem before = system(id);
		delete(SYSTEM, systems, id, before.unitId(), before.deviceCount(), before.draft(), reason);
	}

	/** Deletes a site where no device hangs any more (422 while devices still point to it). */
	@Transactional
	public void deleteSite(long id, String reason) {
		Site before = site(id);
		delete(SITE, sites, id, before.unitId(), before.deviceCount(), before.draft(), reason);
	}

	private void delete(String entity, UnitOwnedTable<?, ?> table, long id, long unitId, long deviceCount,
			Object before, String reason) {
		access.require(Permission.INVENTORY_WRITE, unitId);
		String why = checkedReason(reason);
		if (deviceCount > 0) {
			throw new InventoryRuleViolation(
					List.of(new InvalidValue("devices", "still-has-devices", Long.toString(deviceCount))));
		}
		table.delete(id);
		audit.record(entity + ".delete", entity, Long.toString(id), unitId, before, new Deletion(why));
	}

	/** The recent imports whose scope unit the caller can read, newest first. */
	@Transactional(readOnly = true)
	public ResultPage<ImportBatch> importBatches(int page, int size) {
		return importBatches.page(readScope(), page, size);
	}

	@Transactional(readOnly = true)
	public ImportBatch importBatch(long id) {
		return importBatches.find(readScope(), id).orElseThrow(() -> new NotFoundInScope("import", id));
	}

	/** An import for its rollback form: 404 outside the read scope, 403 without write access to its scope unit. */
	@Transactional(readOnly = true)
	public ImportBatch importBatchForRollback(long id) {
		ImportBatch batch = importBatch(id);
		access.require(Permission.INVENTORY_WRITE, batch.unitId());
		return batch;
	}

	/** Serials (at most {@link #CHANGED_SHOWN}) of the batch's devices that were edited after the import. */
	@Transactional(readOnly = true)
	public List<String> changedSinceImport(long id) {
		return devices.changedSinceImport(importBatch(id).id(), CHANGED_SHOWN);
	}

	/**
	 * Removes every device an import created, in one statement and one transaction, and records ONE
	 * audit entry with the batch, the count and the reason. The caller needs write access to the
	 * batch's scope unit (the lowest unit containing all its rows), so an officer of another unit
	 * cannot. Refused (422, naming them) while any of the batch's devices was edited after the import:
	 * those are no longer what the file said, and a person should decide about them first (edit back,
	 * or delete them one by one).
	 *
	 * @return how many devices were removed
	 */
	@Transactional
	public int rollBackImport(long id, String reason) {
		ImportBatch batch = importBatch(id);
		access.require(Permission.INVENTORY_WRITE, batch.unitId());
		String why = checkedReason(reason);
		importBatches.lock(id);
		ImportBatch current = importBatch(id);
		if (current.rolledBack()) {
			throw new InventoryRuleViolation(List.of(new InvalidValue("import", "already-rolled-back", null)));
		}
		List<String> changed = devices.changedSinceImport(id, CHANGED_SHOWN);
		if (!changed.isEmpty()) {
			throw new InventoryRuleViolation(
					List.of(new InvalidValue("import", "changed-since-import", String.join(", ", changed))));
		}
		int removed = devices.deleteUnchangedOfImport(id);
		importBatches.markRolledBack(id, access.caller().username(), why, removed, now());
		audit.record("device.import.rollback", "device-import", Long.toString(id), current.unitId(),
				new ImportBatchAudit(current.fileName(), current.actor(), current.createdAt(), current.rowCount(),
						current.remaining()),
				new RollbackAudit(why, removed));
		return removed;
	}

	/** What the audit log keeps as the after-state of a deletion. */
	record Deletion(String reason) {
	}

	/** The batch as it was before its rollback. */
	record ImportBatchAudit(String fileName, String importedBy, OffsetDateTime importedAt, int rows, long devices) {
	}

	/** What a rollback did and why. */
	record RollbackAudit(String reason, int removed) {
	}

	private static String checkedReason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InventoryRuleViolation(List.of(new InvalidValue("reason", "required", null)));
		}
		if (why.length() > REASON_MAX) {
			throw new InventoryRuleViolation(List.of(new InvalidValue("reason", "too-long", null)));
		}
		if (why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new InventoryRuleViolation(List.of(new InvalidValue("reason", "control-chars", null)));
		}
		return why;
	}

	/** What the audit of one unit touched by an import keeps of it. */
	record DeviceImportUnitAudit(String fileName, int rows) {
	}

	/** {@code before} is the device as saved (null for a new one): a system or site it already hangs on may stay. */
	private DeviceDraft checkedDevice(DeviceDraft draft, Long existingId, Device before) {
		List<InvalidValue> problems = new ArrayList<>();
		DeviceDraft clean = draft.normalised(problems);
		if (clean.unitId() != null) {
			access.require(Permission.INVENTORY_WRITE, clean.unitId());
			refuseClosedUnit(clean.unitId(), existingId, problems);
		}
		// a device hangs only on systems and sites of units the caller may change: one of a unit it only
		// reads would show that unit devices it cannot see, and block the deletion of its system or site
		UnitScope writeScope = access.scope(Permission.INVENTORY_WRITE);
		if (clean.systemId() != null && !(before != null && clean.systemId().equals(before.systemId()))
				&& systems.find(writeScope, clean.systemId()).isEmpty()) {
			problems.add(new InvalidValue("system_name", "system-unknown", clean.systemId().toString()));
		}
		if (clean.siteId() != null && !(before != null && clean.siteId().equals(before.siteId()))
				&& sites.find(writeScope, clean.siteId()).isEmpty()) {
			problems.add(new InvalidValue("site_name", "site-unknown", clean.siteId().toString()));
		}
		if (clean.vendor() != null && clean.serial() != null) {
			devices.idWithSerial(clean.vendor(), clean.serial())
				.filter(other -> !other.equals(existingId))
				.ifPresent(other -> problems.add(new InvalidValue("serial", "duplicate-serial", clean.serial())));
		}
		if (clean.mac() != null) {
			devices.idWithMac(clean.mac())
				.filter(other -> !other.equals(existingId))
				.ifPresent(other -> problems.add(new InvalidValue("mac", "duplicate-mac", clean.mac())));
		}
		if (!problems.isEmpty()) {
			throw new InventoryRuleViolation(problems);
		}
		return clean;
	}

	// ---- system and site writes

	@Transactional
	public InformationSystem createSystem(SystemDraft draft) {
		return create(SYSTEM, systems, draft);
	}

	@Transactional
	public InformationSystem updateSystem(long id, SystemDraft draft) {
		return update(SYSTEM, systems, id, draft);
	}

	@Transactional
	public Site createSite(SiteDraft draft) {
		return create(SITE, sites, draft);
	}

	@Transactional
	public Site updateSite(long id, SiteDraft draft) {
		return update(SITE, sites, id, draft);
	}

	private <T extends UnitOwned<D>, D extends UnitOwned.Draft<D>> T find(String entity, UnitOwnedTable<T, D> table,
			long id) {
		return table.find(readScope(), id).orElseThrow(() -> new NotFoundInScope(entity, id));
	}

	private <T extends UnitOwned<D>, D extends UnitOwned.Draft<D>> T create(String entity, UnitOwnedTable<T, D> table,
			D draft) {
		D clean = checked(table, draft, null);
		long id = table.insert(clean, now());
		audit.record(entity + ".create", entity, Long.toString(id), clean.unitId(), null, clean);
		return find(entity, table, id);
	}

	private <T extends UnitOwned<D>, D extends UnitOwned.Draft<D>> T update(String entity, UnitOwnedTable<T, D> table,
			long id, D draft) {
		T before = find(entity, table, id);
		access.require(Permission.INVENTORY_WRITE, before.unitId());
		D clean = checked(table, draft, id);
		table.update(id, clean, now());
		audit.record(entity + ".update", entity, Long.toString(id), clean.unitId(), before.draft(), clean);
		return find(entity, table, id);
	}

	private <D extends UnitOwned.Draft<D>> D checked(UnitOwnedTable<?, D> table, D draft, Long existingId) {
		List<InvalidValue> problems = new ArrayList<>();
		D clean = draft.normalised(problems);
		if (clean.unitId() != null) {
			access.require(Permission.INVENTORY_WRITE, clean.unitId());
			refuseClosedUnit(clean.unitId(), existingId, problems);
			if (clean.name() != null) {
				table.idByName(clean.unitId(), clean.name())
					.filter(other -> !other.equals(existingId))
					.ifPresent(other -> problems.add(new InvalidValue("name", "duplicate-name", clean.name())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InventoryRuleViolation(problems);
		}
		return clean;
	}

	// ---- internals

	private UnitScope readScope() {
		return access.scope(Permission.INVENTORY_READ);
	}

	/** The deepest unit that is an ancestor-or-self of every given unit, or null if none is shared. */
	private Long commonAncestor(Set<Long> unitIds, Map<Long, UnitRef> known) {
		Map<Long, List<Long>> pathCache = new HashMap<>();
		List<Long> common = null;
		for (Long unitId : unitIds) {
			List<Long> path = pathFromRoot(unitId, known, pathCache);
			if (common == null) {
				common = path;
			}
			else {
				int shared = 0;
				while (shared < common.size() && shared < path.size() && common.get(shared).equals(path.get(shared))) {
					shared++;
				}
				common = common.subList(0, shared);
			}
		}
		return common == null || common.isEmpty() ? null : common.getLast();
	}

	private List<Long> pathFromRoot(Long unitId, Map<Long, UnitRef> known, Map<Long, List<Long>> cache) {
		List<Long> cached = cache.get(unitId);
		if (cached != null) {
			return cached;
		}
		Optional<UnitRef> unit = Optional.ofNullable(known.get(unitId)).or(() -> units.find(unitId));
		List<Long> path = new ArrayList<>();
		if (unit.isPresent() && unit.get().parentId() != null) {
			path.addAll(pathFromRoot(unit.get().parentId(), known, cache));
		}
		path.add(unitId);
		cache.put(unitId, path);
		return path;
	}

	/**
	 * New records go to active units only: a unit merged into another (or deactivated) is closed for new
	 * data. Existing records of a deactivated unit stay editable.
	 */
	private void refuseClosedUnit(long unitId, Long existingId, List<InvalidValue> problems) {
		if (existingId == null && units.find(unitId).filter(UnitRef::active).isEmpty()) {
			problems.add(new InvalidValue("unit_code", "unit-closed", units.find(unitId).map(UnitRef::code).orElse(null)));
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
