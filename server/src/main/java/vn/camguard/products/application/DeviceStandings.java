package vn.camguard.products.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.products.domain.DeviceStanding;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.StandingFilter;
import vn.camguard.products.domain.StoredStanding;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.persistence.Products;
import vn.camguard.products.persistence.StoredStandings;

/**
 * Devices' standings against the registry and the CVE list, read from the stored rows that
 * {@link StandingUpkeep} keeps in step: the list filtered on standing is one query in the caller's
 * {@code INVENTORY_READ} units, a page at a time, and the device panel reads its device's row. Devices are
 * read through inventory's scoped API, so a caller sees exactly the devices it may read.
 */
@Service
public class DeviceStandings {

	/** Rows per page of the filtered list. */
	public static final int PAGE_SIZE = 100;

	private final InventoryDevices devices;

	private final Products products;

	private final ProductWarnings warnings;

	private final DeviceIdentities identities;

	private final StoredStandings stored;

	private final StandingComputation computation;

	private final StandingUpkeep upkeep;

	private final AccessControl access;

	DeviceStandings(InventoryDevices devices, Products products, ProductWarnings warnings, DeviceIdentities identities,
			StoredStandings stored, StandingComputation computation, StandingUpkeep upkeep, AccessControl access) {
		this.devices = devices;
		this.products = products;
		this.warnings = warnings;
		this.identities = identities;
		this.stored = stored;
		this.computation = computation;
		this.upkeep = upkeep;
		this.access = access;
	}

	/**
	 * The device with its standing (with the evidence), the officer's decision on its product when one applies,
	 * and the warnings that reach it.
	 */
	public record Panel(DeviceFacts device, DeviceStanding standing, Optional<MatchDecision> decision,
			List<Warning> warnings) {
	}

	/** Read-write: a row found stale (an input changed without passing through the upkeep) is recomputed first. */
	@Transactional
	public Panel panel(long deviceId) {
		DeviceFacts device = devices.readable(deviceId).orElseThrow(() -> new NotFound("device " + deviceId));
		Optional<MatchDecision> decision = identities.decision(device);
		StoredStanding row = current(device, decision);
		return new Panel(device, computation.evidence(device, decision, row), decision, warnings.of(device));
	}

	/** The device's stored standing, recomputed first when its inputs are not the device's current ones. */
	private StoredStanding current(DeviceFacts device, Optional<MatchDecision> decision) {
		Optional<StoredStanding> row = stored.of(device.id())
			.filter(r -> r.computedFrom(device.unitId(), device.vendor(), device.model(), device.firmware(),
					decision.orElse(null), computation.cveList()));
		if (row.isPresent()) {
			return row.get();
		}
		upkeep.refresh(List.of(device.id()));
		return stored.of(device.id()).orElseThrow();
	}

	/**
	 * A device of the filtered list with its stored standing.
	 *
	 * @param product the product recognised, or empty
	 */
	public record Row(DeviceFacts device, StoredStanding standing, Optional<Product> product) {
	}

	/** One page of the filtered list and how many devices pass the filter in all. */
	public record Listing(List<Row> rows, long total, int page, int pageSize) {

		public boolean hasNext() {
			return (long) (page + 1) * pageSize < total;
		}

	}

	/** The devices the caller may read whose standing passes the filter, by id, one page. */
	@Transactional(readOnly = true)
	public Listing devices(StandingFilter filter, int page) {
		int shown = Math.max(0, page);
		StoredStandings.Page found = stored.page(access.scope(Permission.INVENTORY_READ), filter, shown, PAGE_SIZE);
		Map<Long, DeviceFacts> facts = new HashMap<>();
		devices.readable(found.rows().stream().map(StoredStanding::deviceId).toList())
			.forEach(device -> facts.put(device.id(), device));
		Map<Long, Optional<Product>> loaded = new HashMap<>();
		List<Row> rows = found.rows()
			.stream()
			.filter(row -> facts.containsKey(row.deviceId()))
			.map(row -> new Row(facts.get(row.deviceId()), row,
					row.productId() == null ? Optional.empty() : loaded.computeIfAbsent(row.productId(), products::find)))
			.toList();
		return new Listing(rows, found.total(), shown, PAGE_SIZE);
	}

}
