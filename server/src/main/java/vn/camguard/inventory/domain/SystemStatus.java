package vn.camguard.inventory.domain;

/** Where an information system is in its life. */
public enum SystemStatus {

	PLANNED, OPERATING, SUSPENDED, RETIRED

}
