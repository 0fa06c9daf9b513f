package vn.camguard.products.application;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.InventoryDevices.DeviceFacts;

/**
 * The vendor and model a device is taken to be when warnings and the registry are matched against
 * it: as the unit typed them.
 */
@Component
public class DeviceIdentities {

	/** @param vendor vendor name to match @param model model to match */
	public record Identity(String vendor, String model) {
	}

	public Identity of(DeviceFacts device) {
		return new Identity(device.vendor(), device.model());
	}

}
