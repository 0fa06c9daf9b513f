package vn.camguard.products.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.notifications.Notice;
import vn.camguard.notifications.Notifications;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.UnitNotified;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.domain.WarningDraft;
import vn.camguard.products.persistence.Products;
import vn.camguard.products.persistence.Warnings;

/**
 * The warning list. Every signed-in user reads the warnings (an authority's warning is public); holders
 * of {@link Permission#WARNINGS_MANAGE} (province admin, market inspectors) add them. Adding one marks,
 * in the same transaction, every inventoried device of the issuer's province whose model and firmware
 * it reaches, and notifies each owning unit once through the platform's {@link Notifications}: in the app
 * (everyone reading the unit's inventory) and by mail to the unit's users who manage its devices (a grant
 * on that unit carrying {@link Permission#INVENTORY_WRITE}: its unit officers, and a province administrator
 * granted on it) and gave an address; it also publishes {@link UnitNotified}. Which devices are warned is shown live (a device added or edited later shows
 * its warning too); the marks are the record of what the warning reached when it was added.
 */
@Service
public class ProductWarnings {

	private final Warnings warnings;

	private final Products products;

	private final DeviceIdentities identities;

	private final InventoryDevices devices;

	private final UnitDirectory units;

	private final AccessControl access;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Notifications notifications;

	private final MessageSource messages;

	private final StandingUpkeep standings;

	public ProductWarnings(Warnings warnings, Products products, DeviceIdentities identities, InventoryDevices devices,
			UnitDirectory units, AccessControl access, AuditTrail audit, ApplicationEventPublisher events,
			Notifications notifications, MessageSource messages, StandingUpkeep standings) {
		this.standings = standings;
		this.warnings = warnings;
		this.products = products;
		this.identities = identities;
		this.devices = devices;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.notifications = notifications;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public List<Warning> all() {
		return warnings.all();
	}

	public boolean canWarn() {
		return access.allowsAnywhere(Permission.WARNINGS_MANAGE);
	}

	/** What adding a warning did. */
	public record Issued(long warningId, List<Long> devicesMarked, Set<Long> unitsNotified) {
	}

	/** What the audit trail keeps of a new warning. */
	record Recorded(Warning warning, List<Long> devicesMarked, Set<Long> unitsNotified) {
	}

	@Transactional
	public Issued warn(WarningDraft draft) {
		if (!canWarn()) {
			throw new AccessDeniedException("missing WARNINGS_MANAGE");
		}
		List<Problem> problems = new ArrayList<>(draft.problems());
		List<VendorNames> vendors = products.vendors();
		Optional<VendorNames> vendor = draft.vendor() == null ? Optional.empty()
				: new ProductMatching(vendors, List.of()).vendor(draft.vendor()).map(ProductMatching.VendorMatch::vendor);
		if (draft.vendor() != null && vendor.isEmpty()) {
			problems.add(new Problem("vendor", "products.problem.vendor-unknown"));
		}
		Set<Long> provinces = provinces();
		if (provinces.size() != 1) {
			problems.add(new Problem("vendor", "products.problem.province"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		long province = provinces.iterator().next();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long id = warnings.insert(province, vendor.get().id(), draft, access.caller().username(), now);
		Warning warning = warnings.find(id).orElseThrow();

		DeviceIdentities.Batch batch = identities.batch();
		List<DeviceFacts> reached = devices.allUnder(province)
			.stream()
			.filter(device -> reaches(warning, device, batch.of(device), vendors))
			.toList();
		Map<Long, Integer> perUnit = new TreeMap<>();
		for (DeviceFacts device : reached) {
			warnings.mark(id, device.id(), device.unitId(), device.firmware());
			perUnit.merge(device.unitId(), 1, Integer::sum);
		}
		perUnit.forEach((unitId, count) -> {
			long notification = notifications.toUnit(unitId, notice(warning, count), Permission.INVENTORY_WRITE);
			events.publishEvent(new UnitNotified(notification, unitId, "WARNING", id, count,
					subject(warning, "Cảnh báo"), subject(warning, "Warning")));
		});
		List<Long> marked = reached.stream().map(DeviceFacts::id).toList();
		standings.makersChanged(Set.of(warning.vendorId()));
		audit.record("product.warning.add", "product_warning", Long.toString(id), province, null,
				new Recorded(warning, marked, perUnit.keySet()));
		return new Issued(id, marked, perUnit.keySet());
	}

	/** The unit's notification, in both languages, as the notifications page showed it before it was shared. */
	private Notice notice(Warning warning, int deviceCount) {
		Object[] args = { deviceCount, warning.vendorName(), warning.model(), warning.authority(), warning.reference() };
		return new Notice("WARNING",
				messages.getMessage("products.notifications.warning", args, java.util.Locale.forLanguageTag("vi")),
				messages.getMessage("products.notifications.warning", args, java.util.Locale.ENGLISH),
				"/products/warnings/devices", "product_warning:" + warning.id());
	}

	private static String subject(Warning warning, String word) {
		return word + " " + warning.severity() + ": " + warning.vendorName() + " " + warning.model() + " — "
				+ warning.authority() + ", " + warning.reference();
	}

	/** A device the caller may read with the warnings that reach it. */
	public record WarnedDevice(DeviceFacts device, List<Warning> warnings) {
	}

	/** Every device the caller may read that a warning reaches, by id. */
	@Transactional(readOnly = true)
	public List<WarnedDevice> warnedDevices() {
		List<VendorNames> vendors = products.vendors();
		Map<Long, List<Warning>> byUnit = new HashMap<>();
		List<WarnedDevice> warned = new ArrayList<>();
		DeviceIdentities.Batch batch = identities.batch();
		// a fleet holds few distinct models: decide once per unit's province and identity
		Map<String, List<Warning>> decided = new HashMap<>();
		for (DeviceFacts device : devices.allReadable()) {
			List<Warning> reaching = byUnit.computeIfAbsent(device.unitId(), warnings::reaching);
			if (reaching.isEmpty()) {
				continue;
			}
			DeviceIdentities.Identity identity = batch.of(device);
			String key = reaching.stream().map(w -> Long.toString(w.id())).collect(java.util.stream.Collectors.joining(","))
					+ "|" + identity.vendor() + "|" + identity.model() + "|" + device.firmware();
			List<Warning> hits = decided.computeIfAbsent(key, k -> reaching.stream()
				.filter(warning -> reaches(warning, device, identity, vendors))
				.toList());
			if (!hits.isEmpty()) {
				warned.add(new WarnedDevice(device, hits));
			}
		}
		return warned;
	}

	/** The warnings reaching one device (already read through the caller's scope). */
	@Transactional(readOnly = true)
	public List<Warning> of(DeviceFacts device) {
		List<VendorNames> vendors = products.vendors();
		DeviceIdentities.Identity identity = identities.of(device);
		return warnings.reaching(device.unitId()).stream().filter(w -> reaches(w, device, identity, vendors)).toList();
	}

	private static boolean reaches(Warning warning, DeviceFacts device, DeviceIdentities.Identity identity,
			List<VendorNames> vendors) {
		return warning.reaches(vendors, identity.vendor(), identity.model(), device.firmware());
	}

	/** The provinces (tree roots) where the caller may warn. */
	private Set<Long> provinces() {
		Set<Long> roots = new LinkedHashSet<>();
		for (long unitId : access.scope(Permission.WARNINGS_MANAGE).rootUnitIds()) {
			Optional<UnitRef> unit = units.find(unitId);
			while (unit.isPresent() && unit.get().parentId() != null) {
				unit = units.find(unit.get().parentId());
			}
			unit.ifPresent(root -> roots.add(root.id()));
		}
		return roots;
	}

}
