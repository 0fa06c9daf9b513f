package vn.camguard.lab;

/** The one account a simulated device has. The password is ground truth for scoring, never log it. */
public record Credentials(String username, String password) {

	@Override
	public String toString() {
		return "Credentials[username=" + username + ", password=***]";
	}

}
