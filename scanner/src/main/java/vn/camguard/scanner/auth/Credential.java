package vn.camguard.scanner.auth;

/** A user name and password to try. {@link #masked()} is the only form that may be shown or stored. */
public record Credential(String username, String password) {

	/** {@code admin:1*****} style: the first character of the password only, never its length. */
	public String masked() {
		String hint = password.isEmpty() ? "(empty)" : password.charAt(0) + "*****";
		return username + ":" + hint;
	}

	@Override
	public String toString() {
		return masked();
	}

}
