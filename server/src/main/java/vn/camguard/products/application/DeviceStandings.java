package vn.camguard.products.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.DeviceStanding;
import vn.camguard.products.domain.DeviceStanding.Recognition;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.StandingFilter;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.persistence.Products;

/**
 * A device's standing against the registry and the CVE list, for the panel on the device page. The
 * device is read through inventory's scoped API, so a caller sees the panel of exactly the devices it
 * may read.
 */
@Service
public class DeviceStandings {

	private final InventoryDevices devices;

	private final Products products;

	private final KnownCves cves;

	private final ProductWarnings warnings;

	private final DeviceIdentities identities;

	private final Clock clock;

	public DeviceStandings(InventoryDevices devices, Products products, KnownCves cves, ProductWarnings warnings,
			DeviceIdentities identities) {
		this.identities = identities;
		this.devices = devices;
		this.products = products;
		this.cves = cves;
		this.warnings = warnings;
		// certificate dates are Vietnamese calendar days
		this.clock = Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	/**
	 * The device with its standing, the officer's decision on its product when one applies, and the
	 * warnings that reach it.
	 */
	public record Panel(DeviceFacts device, DeviceStanding standing, Optional<MatchDecision> decision,
			List<Warning> warnings) {
	}

	@Transactional(readOnly = true)
	public Panel panel(long deviceId) {
		DeviceFacts device = devices.readable(deviceId).orElseThrow(() -> new NotFound("device " + deviceId));
		Registry registry = registry();
		Optional<MatchDecision> decision = identities.decision(device);
		return new Panel(device, standing(device, decision, registry), decision, warnings.of(device));
	}

	/** A device of the filtered list with its standing and warnings. */
	public record Row(DeviceFacts device, DeviceStanding standing, List<Warning> warnings) {
	}

	/** The devices the caller may read whose standing passes the filter, by id. */
	@Transactional(readOnly = true)
	public List<Row> devices(StandingFilter filter) {
		Registry registry = registry();
		Map<Long, List<Warning>> warned = new HashMap<>();
		warnings.warnedDevices().forEach(w -> warned.put(w.device().id(), w.warnings()));
		List<Row> rows = new ArrayList<>();
		DeviceIdentities.Batch batch = identities.batch();
		// a fleet holds few distinct models: a standing depends only on what the device is typed as
		Map<String, DeviceStanding> computed = new HashMap<>();
		for (DeviceFacts device : devices.allReadable()) {
			Optional<MatchDecision> decision = batch.decision(device);
			String key = decision.map(d -> d.how() + ":" + d.productId()).orElse("-") + "|" + device.vendor() + "|"
					+ device.model() + "|" + device.firmware();
			DeviceStanding standing = computed.computeIfAbsent(key, k -> standing(device, decision, registry));
			List<Warning> hits = warned.getOrDefault(device.id(), List.of());
			if (filter.accepts(standing, !hits.isEmpty())) {
				rows.add(new Row(device, standing, hits));
			}
		}
		return rows;
	}

	/** The registry read once for many devices; products are loaded as recognised. */
	private final class Registry {

		final List<VendorNames> vendors = products.vendors();

		final ProductMatching matching = new ProductMatching(vendors, products.candidates());

		final Map<Long, Optional<Product>> loaded = new HashMap<>();

		final LocalDate today = LocalDate.now(clock);

		Optional<Product> product(long id) {
			return loaded.computeIfAbsent(id, products::find);
		}

	}

	private Registry registry() {
		return new Registry();
	}

	private DeviceStanding standing(DeviceFacts device, Optional<MatchDecision> decision, Registry registry) {
		Optional<Recognition> recognised = decision.isPresent() ? decided(decision.get(), registry)
				: registry.matching.match(device.vendor(), device.model())
					.flatMap(match -> registry.product(match.productId()).map(product -> new Recognition(product, match)));
		Optional<VendorNames> vendor = recognised.isPresent()
				? registry.vendors.stream().filter(v -> v.id() == recognised.get().product().vendorId()).findFirst()
				: registry.matching.vendor(device.vendor()).map(ProductMatching.VendorMatch::vendor);
		// an officer's decision names the model; otherwise the model as typed is the evidence for CVEs
		String model = decision.isPresent() && recognised.isPresent() ? recognised.get().product().model()
				: device.model();
		return DeviceStanding.of(model, device.firmware(), recognised, registry.vendors, vendor, cves.all(),
				registry.today);
	}

	private Optional<Recognition> decided(MatchDecision decision, Registry registry) {
		if (decision.productId() == null) {
			return Optional.empty();
		}
		return registry.product(decision.productId())
			.map(product -> new Recognition(product,
					new ProductMatching.Match(product.id(), decision.how(), product.vendorName(), false)));
	}

}
