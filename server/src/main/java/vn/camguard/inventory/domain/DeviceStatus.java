package vn.camguard.inventory.domain;

/** Where a device is in its life: in service, switched off for now, or taken out for good. */
public enum DeviceStatus {

	ACTIVE, INACTIVE, DECOMMISSIONED

}
