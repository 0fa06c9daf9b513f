package vn.camguard.products.domain;

import java.time.OffsetDateTime;

/**
 * An officer's decision on which registered product a device is. It wins over automatic matching for
 * as long as the device keeps the vendor and model it had when decided: once the unit retypes them the
 * device is another question, and matching answers again.
 *
 * @param productId the product decided, or null when the officer says it is none of the registered ones
 * @param how {@link ProductMatching.How#CONFIRMED} or {@link ProductMatching.How#CORRECTED}
 */
public record MatchDecision(long deviceId, long unitId, Long productId, ProductMatching.How how, String vendorTyped,
		String modelTyped, String decidedBy, OffsetDateTime decidedAt) {

	/** Whether the decision still speaks for a device typed so. */
	public boolean appliesTo(String vendor, String model) {
		return ProductMatching.key(vendor).equals(ProductMatching.key(vendorTyped))
				&& ProductMatching.key(model).equals(ProductMatching.key(modelTyped));
	}

}
