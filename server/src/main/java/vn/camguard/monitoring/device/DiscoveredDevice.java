package vn.camguard.monitoring.device;

import java.time.Instant;

/**
 * A device scans of an organisation's ranges found, and what became of it: adopted into the inventory, matched to an
 * existing entry, or neither yet. Vendor, model and firmware are the device's own text and stay text.
 *
 * @param linkedAs ADOPTED or MATCHED, or null while not linked
 */
public record DiscoveredDevice(long id, long organizationId, String address, String openPorts, String vendor,
		String model, String firmware, String kind, String mac, String serial, Instant firstSeen, Instant lastSeen,
		int timesSeen, long firstJobId, long lastJobId, Long inventoryDeviceId, String linkedAs, String linkedBy,
		Instant linkedAt) {

	public boolean linked() {
		return inventoryDeviceId != null;
	}

}
