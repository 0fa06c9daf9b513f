package vn.camguard.inventory.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.MacAddress;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitScope;

/** {@link InventoryDevices} through {@link InventoryManagement}, so the read is scoped like the device page's. */
@Component
class ScopedInventoryDevices implements InventoryDevices {

	/** Inventory entries looked at per term of a match. */
	private static final int SUGGESTIONS = 10;

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

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> unscoped(java.util.Collection<Long> deviceIds) {
		return devices.withIds(null, deviceIds).stream().map(ScopedInventoryDevices::facts).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> everyDevice() {
		try (Stream<Device> stream = devices.streamEvery()) {
			return stream.map(ScopedInventoryDevices::facts).toList();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> readable(java.util.Collection<Long> deviceIds) {
		return devices.withIds(access.scope(Permission.INVENTORY_READ), deviceIds)
			.stream()
			.map(ScopedInventoryDevices::facts)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceFacts> matching(String address, String mac, String serial) {
		UnitScope scope = access.scope(Permission.INVENTORY_READ);
		Map<Long, DeviceFacts> found = new LinkedHashMap<>();
		for (String term : Stream.of(address, mac, serial).filter(t -> t != null && !t.isBlank()).toList()) {
			// the list's search names devices exactly by serial, MAC or address when one equals the text
			DeviceFilter filter = new DeviceFilter(term, null, null, null, null, null, null);
			for (Device device : devices.page(scope, filter, DeviceSort.SERIAL, true, 0, SUGGESTIONS).items()) {
				if (term.equalsIgnoreCase(device.address()) || term.equalsIgnoreCase(device.serial())
						|| MacAddress.normalise(term).filter(m -> m.equals(device.mac())).isPresent()) {
					found.putIfAbsent(device.id(), facts(device));
				}
			}
		}
		return List.copyOf(found.values());
	}

	@Override
	public DeviceFacts add(NewDevice device) {
		DeviceDraft draft = new DeviceDraft(device.unitId(), device.systemId(), device.siteId(),
				device.recorder() ? DeviceKind.RECORDER : DeviceKind.CAMERA, DeviceStatus.ACTIVE, device.name(),
				device.vendor(), device.model(), device.firmware(), device.serial(), device.mac(), device.address(),
				device.openPorts(), null, null, null, null, null);
		try {
			return facts(inventory.createDevice(draft));
		}
		catch (InventoryRuleViolation broken) {
			throw new Refused(broken.problems().stream().map(p -> new Refused.Problem(p.field(), p.code())).toList());
		}
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
