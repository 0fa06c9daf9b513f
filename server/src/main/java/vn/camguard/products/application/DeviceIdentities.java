package vn.camguard.products.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
		return identity(device, decision(device), products::find);
	}

	/** For many devices at once: the decisions read in one query, each decided product loaded once. */
	public Batch batch() {
		return new Batch(decisions.all());
	}

	/** Decisions and decided products of one pass over many devices. */
	public final class Batch {

		private final Map<Long, MatchDecision> all;

		private final Map<Long, Optional<Product>> loaded = new HashMap<>();

		private Batch(Map<Long, MatchDecision> all) {
			this.all = all;
		}

		public Optional<MatchDecision> decision(DeviceFacts device) {
			return Optional.ofNullable(all.get(device.id())).filter(d -> d.appliesTo(device.vendor(), device.model()));
		}

		public Identity of(DeviceFacts device) {
			return identity(device, decision(device), id -> loaded.computeIfAbsent(id, products::find));
		}

	}

	private static Identity identity(DeviceFacts device, Optional<MatchDecision> decision,
			Function<Long, Optional<Product>> product) {
		return decision.filter(d -> d.productId() != null)
			.flatMap(d -> product.apply(d.productId()))
			.map(p -> new Identity(p.vendorName(), p.model()))
			.orElseGet(() -> new Identity(device.vendor(), device.model()));
	}

}
