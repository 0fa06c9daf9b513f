package vn.camguard.lab;

/** Whether a simulated device is a camera or a recorder (NVR). */
public enum DeviceKind {
	CAMERA,
	RECORDER
}
