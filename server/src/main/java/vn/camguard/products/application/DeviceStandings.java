package vn.camguard.products.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.DeviceStanding;
import vn.camguard.products.domain.DeviceStanding.Recognition;
import vn.camguard.products.domain.MatchDecision;
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
		List<VendorNames> vendors = products.vendors();
		ProductMatching matching = new ProductMatching(vendors, products.candidates());
		Optional<MatchDecision> decision = identities.decision(device);
		Optional<Recognition> recognised = decision.isPresent() ? decided(decision.get())
				: matching.match(device.vendor(), device.model())
					.flatMap(match -> products.find(match.productId()).map(product -> new Recognition(product, match)));
		Optional<VendorNames> vendor = recognised.isPresent()
				? vendors.stream().filter(v -> v.id() == recognised.get().product().vendorId()).findFirst()
				: matching.vendor(device.vendor()).map(ProductMatching.VendorMatch::vendor);
		// an officer's decision names the model; otherwise the model as typed is the evidence for CVEs
		String model = decision.isPresent() && recognised.isPresent() ? recognised.get().product().model()
				: device.model();
		DeviceStanding standing = DeviceStanding.of(model, device.firmware(), recognised, vendors, vendor, cves.all(),
				LocalDate.now(clock));
		return new Panel(device, standing, decision, warnings.of(device));
	}

	private Optional<Recognition> decided(MatchDecision decision) {
		if (decision.productId() == null) {
			return Optional.empty();
		}
		return products.find(decision.productId())
			.map(product -> new Recognition(product,
					new ProductMatching.Match(product.id(), decision.how(), product.vendorName(), false)));
	}

}
