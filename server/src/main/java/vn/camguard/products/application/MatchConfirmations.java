package vn.camguard.products.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.persistence.MatchDecisions;
import vn.camguard.products.persistence.Products;

/**
 * An officer confirms or corrects the product matched to a device. Only a caller who may change the
 * device ({@link Permission#INVENTORY_WRITE} on its unit) decides; a device outside the caller's read
 * scope is not found. Every decision is audited with the one it replaced.
 */
@Service
public class MatchConfirmations {

	private final InventoryDevices devices;

	private final MatchDecisions decisions;

	private final Products products;

	private final AccessControl access;

	private final AuditTrail audit;

	private final StandingUpkeep standings;

	public MatchConfirmations(InventoryDevices devices, MatchDecisions decisions, Products products,
			AccessControl access, AuditTrail audit, StandingUpkeep standings) {
		this.standings = standings;
		this.devices = devices;
		this.decisions = decisions;
		this.products = products;
		this.access = access;
		this.audit = audit;
	}

	public boolean canDecide(DeviceFacts device) {
		return access.allows(Permission.INVENTORY_WRITE, device.unitId());
	}

	/**
	 * @param productId the product the device is, or null for "none of the registered products"
	 */
	@Transactional
	public MatchDecision decide(long deviceId, Long productId) {
		DeviceFacts device = devices.readable(deviceId).orElseThrow(() -> new NotFound("device " + deviceId));
		access.require(Permission.INVENTORY_WRITE, device.unitId());
		if (productId != null && products.find(productId).isEmpty()) {
			throw new NotFound("product " + productId);
		}
		Optional<Long> automatic = new ProductMatching(products.vendors(), products.candidates())
			.match(device.vendor(), device.model())
			.map(ProductMatching.Match::productId);
		ProductMatching.How how = Objects.equals(automatic.orElse(null), productId) ? ProductMatching.How.CONFIRMED
				: ProductMatching.How.CORRECTED;
		Optional<MatchDecision> before = decisions.of(deviceId);
		MatchDecision decision = new MatchDecision(deviceId, device.unitId(), productId, how, device.vendor(),
				device.model(), access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC));
		decisions.save(decision);
		standings.refresh(List.of(deviceId));
		audit.record("product.match.decide", "device", Long.toString(deviceId), device.unitId(), before.orElse(null),
				new Decided(decision, automatic.orElse(null)));
		return decision;
	}

	/** The audit trail's view: the decision and what automatic matching had said. */
	record Decided(MatchDecision decision, Long automaticProductId) {
	}

}
