package vn.camguard.lab;

/**
 * How a device guards itself or copes with clients, apart from its profile and weaknesses (fleet files:
 * {@code behaviours: [login_lockout]}).
 */
public enum Behaviour {

	/**
	 * After 5 refused logins within 30 s (HTTP or RTSP, any user) every login, the right one included, is refused
	 * for 5 minutes with {@code 403 Forbidden} and the body {@code account locked} (lab value), as cameras that meet
	 * the Decision 724 lockout criteria lock an account.
	 */
	LOGIN_LOCKOUT,

	/** Answers one HTTP or RTSP request per connection and then closes it: requests sent together are lost. */
	NO_PIPELINING,

	/**
	 * The login page's script URL carries an empty {@code ?version=}: the firmware is readable only with
	 * credentials (Hikvision ISAPI deviceInfo, Dahua magicBox, ONVIF GetDeviceInformation).
	 */
	FIRMWARE_HIDDEN,

	/**
	 * Tells garbage wherever it tells its serial number and MAC (ONVIF GetDeviceInformation and
	 * GetNetworkInterfaces, Hikvision ISAPI deviceInfo, Dahua magicBox): a serial of 5,000 characters over ONVIF, a
	 * serial with control characters and markup over the vendor API, a hardware address that is not one. Its real
	 * serial and MAC (in the manifest) are never told.
	 */
	UNRULY_IDENTIFIERS

}
