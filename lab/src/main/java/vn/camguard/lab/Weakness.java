package vn.camguard.lab;

/**
 * A weakness a simulated device can be given. The lab's ground-truth manifest lists, per device,
 * exactly the weaknesses it was built with; the scanner's accuracy tests compare its findings to
 * that list. A device with none of them is "hardened".
 */
public enum Weakness {

	/** The vendor's factory account still works (over HTTP, RTSP and ONVIF alike). */
	DEFAULT_CREDENTIALS,
	/** The admin password was changed, but to a common weak one. */
	WEAK_PASSWORD,
	/** The RTSP stream is served (DESCRIBE returns SDP) without authentication. */
	RTSP_NO_AUTH,
	/** The HTTP snapshot endpoint returns an image without authentication. */
	SNAPSHOT_NO_AUTH,
	/** Sensitive ONVIF calls (GetDeviceInformation, GetStreamUri, ...) answer without WS-UsernameToken. */
	ONVIF_NO_AUTH,
	/** A telnet service listens. */
	TELNET_OPEN,
	/** The web administration is offered only over clear-text HTTP (no HTTPS). */
	CLEARTEXT_MANAGEMENT,
	/** Firmware older than the newest known for the model, but with no known CVE. */
	OUTDATED_FIRMWARE,
	/** Firmware inside the affected range of a CVE in shared/data/camera-cves.csv. */
	KNOWN_CVE,
	/** HTTPS speaks TLS 1.0 only (deprecated by RFC 8996). Needs HTTPS: excludes CLEARTEXT_MANAGEMENT. */
	TLS10_ONLY,
	/**
	 * HTTPS speaks TLS 1.2 with RSA key exchange only, on an RSA certificate: no forward secrecy. Needs HTTPS:
	 * excludes CLEARTEXT_MANAGEMENT and TLS10_ONLY.
	 */
	RSA_KEY_EXCHANGE_ONLY

}
