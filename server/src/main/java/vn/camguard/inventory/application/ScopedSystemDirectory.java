package vn.camguard.inventory.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.domain.InformationSystem;

/** {@link SystemDirectory} through the same scoped lookup the inventory pages use. */
@Service
class ScopedSystemDirectory implements SystemDirectory {

	private final InventoryManagement inventory;

	ScopedSystemDirectory(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public List<SystemRef> allReadable() {
		return inventory.allSystems().stream().map(s -> new SystemRef(s.id(), s.unitId(), s.name())).toList();
	}

	@Override
	public List<SystemRef> writable() {
		return inventory.writableSystemOptions().stream().map(s -> new SystemRef(s.id(), s.unitId(), s.name())).toList();
	}

	@Override
	public Optional<SystemRef> readable(long systemId) {
		try {
			InformationSystem system = inventory.system(systemId);
			return Optional.of(new SystemRef(system.id(), system.unitId(), system.name()));
		}
		catch (NotFoundInScope notFound) {
			return Optional.empty();
		}
	}

}
