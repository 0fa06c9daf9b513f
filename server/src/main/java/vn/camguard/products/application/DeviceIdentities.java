package vn.camguard.products.application;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.Product;
import vn.camguard.products.persistence.MatchDecisions;
import vn.camguard.products.persistence.Products;

/**
 * The vendor and model a device is taken to be when warnings and the registry are matched against
 * it: the product an officer decided it is, while that decision applies; otherwise as the unit typed
 * them.
 */
@Component
public class DeviceIdentities {

	private final MatchDecisions decisions;

	private final Products products;

	public DeviceIdentities(MatchDecisions decisions, Products products) {
		this.decisions = decisions;
		this.products = products;
	}

	/** @param vendor vendor name to match @param model model to match */
	public record Identity(String vendor, String model) {
	}

	/** The officer's decision on the device, when it still applies to how the device is typed. */
	public Optional<MatchDecision> decision(DeviceFacts device) {
		return decisions.of(device.id()).filter(d -> d.appliesTo(device.vendor(), device.model()));
	}

	public Identity of(DeviceFacts device) {
		return decision(device).filter(d -> d.productId() != null)
			.flatMap(d -> products.find(d.productId()))
			.map((Product p) -> new Identity(p.vendorName(), p.model()))
			.orElseGet(() -> new Identity(device.vendor(), device.model()));
	}

}
