package vn.camguard.inventory.domain;

/** What a device is: a camera or a recorder (NVR/DVR) that stores camera streams. */
public enum DeviceKind {

	CAMERA, RECORDER

}
