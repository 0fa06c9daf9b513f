package vn.camguard.inventory.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitScope;

/** {@link InventoryDevices} through {@link InventoryManagement}, so the read is scoped like the device page's. */
@Component
class ScopedInventoryDevices implements InventoryDevices {

	private final InventoryManagement inventory;

	private final Devices devices;

	private final AccessControl access;

	ScopedInventoryDevices(InventoryManagement inventory, Devices devices, AccessControl access) {
		this.inventory = inventory;
		this.devices = devices;
		this.access = access;
	}

	@Override
	public Optional<DeviceFacts> readable(long deviceId) {
		try {
			return Optional.of(facts(inventory.device(deviceId)));
		}
		catch (NotFoundInScope absent) {
			return Optional.empty();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> allReadable() {
		return all(access.scope(Permission.INVENTORY_READ));
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> allUnder(long unitId) {
		return all(new UnitScope(Set.of(unitId)));
	}

	private List<DeviceFacts> all(UnitScope scope) {
		try (Stream<Device> stream = devices.stream(scope, DeviceFilter.none(), DeviceSort.SERIAL, true)) {
			return stream.map(ScopedInventoryDevices::facts).toList();
		}
	}

	private static DeviceFacts facts(Device device) {
		return new DeviceFacts(device.id(), device.unitId(), device.vendor(), device.model(), device.firmware(),
				device.unitName(), device.systemId(), device.siteId(), device.serial(), device.mac(), device.address());
	}

}
