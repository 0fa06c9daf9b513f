package vn.camguard.scanner;

/** What sort of device answered: a camera, a recorder (NVR/DVR), or not known. */
public enum DeviceKind {
	CAMERA, RECORDER, UNKNOWN
}
