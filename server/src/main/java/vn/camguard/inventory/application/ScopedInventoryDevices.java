package vn.camguard.inventory.application;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.domain.Device;

/** {@link InventoryDevices} through {@link InventoryManagement}, so the read is scoped like the device page's. */
@Component
class ScopedInventoryDevices implements InventoryDevices {

	private final InventoryManagement inventory;

	ScopedInventoryDevices(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public Optional<DeviceFacts> readable(long deviceId) {
		try {
			Device device = inventory.device(deviceId);
			return Optional.of(new DeviceFacts(device.id(), device.unitId(), device.vendor(), device.model(),
					device.firmware()));
		}
		catch (NotFoundInScope absent) {
			return Optional.empty();
		}
	}

}
