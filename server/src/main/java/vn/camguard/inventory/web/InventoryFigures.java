package vn.camguard.inventory.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.organization.DashboardFigure;

/** The home page's count of cameras and recorders in the caller's units. */
@Component
class InventoryFigures implements DashboardFigure {

	private final InventoryManagement inventory;

	InventoryFigures(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<Figure> figure() {
		if (!inventory.canReadAnywhere()) {
			return Optional.empty();
		}
		return Optional.of(new Figure("inventory.figure.devices", inventory.deviceCount(), "/inventory/cameras"));
	}

}
