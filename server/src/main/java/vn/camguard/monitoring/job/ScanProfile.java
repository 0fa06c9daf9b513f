package vn.camguard.monitoring.job;

import java.util.Set;

/**
 * How deep a scan job looks. Discovery records devices only; the standard checks run every check that needs no
 * login; the login checks add the default and weak password tries (bounded per device by the scanner).
 */
public enum ScanProfile {

	DISCOVERY(0, Set.of()),
	STANDARD(0, Set.of("CG-RTSP-NOAUTH", "CG-SNAPSHOT-NOAUTH", "CG-ONVIF-NOAUTH", "CG-SVC-TELNET", "CG-SVC-FTP",
			"CG-WEB-CLEARTEXT", "CG-FW-OUTDATED", "CG-FW-CVE", "CG-TLS-VERSIONS", "CG-TLS-WEAK")),
	STANDARD_WITH_LOGINS(10, Set.of("CG-RTSP-NOAUTH", "CG-SNAPSHOT-NOAUTH", "CG-ONVIF-NOAUTH", "CG-SVC-TELNET",
			"CG-SVC-FTP", "CG-WEB-CLEARTEXT", "CG-FW-OUTDATED", "CG-FW-CVE", "CG-TLS-VERSIONS", "CG-TLS-WEAK",
			"CG-CRED-DEFAULT", "CG-CRED-WEAK"));

	private final int credentialAttempts;

	private final Set<String> checks;

	ScanProfile(int credentialAttempts, Set<String> checks) {
		this.credentialAttempts = credentialAttempts;
		this.checks = checks;
	}

	/** Login attempts per device the scanner may make. */
	public int credentialAttempts() {
		return credentialAttempts;
	}

	/**
	 * The checks this profile runs, and so the findings it records and may close: a finding of a check outside
	 * the profile is neither recorded nor marked fixed by it.
	 */
	public Set<String> checks() {
		return checks;
	}

}
