package vn.camguard.organization.setup;

import java.io.PrintStream;
import java.util.List;

/**
 * The only place that writes to the console: initial passwords are shown once to whoever starts
 * the server, on standard output in a framed block, and never go to the log (which may be shipped
 * elsewhere) or the database (which keeps only hashes).
 */
final class OneTimePasswordPrinter {

	private final PrintStream out;

	OneTimePasswordPrinter() {
		this.out = System.out;
	}

	/** One user to announce. */
	record Credential(String username, String role, String unitCode, String password) {

		@Override
		public String toString() {
			return "Credential[" + username + "]";
		}

	}

	void print(String title, List<Credential> credentials) {
		StringBuilder block = new StringBuilder();
		String line = "=".repeat(92);
		block.append('\n').append(line).append('\n');
		block.append("  ").append(title).append('\n');
		block.append("  Mật khẩu chỉ hiển thị MỘT LẦN; phải đổi khi đăng nhập lần đầu. ")
			.append("Shown ONCE; must be changed at first sign-in.\n");
		block.append(line).append('\n');
		block.append(String.format("  %-22s %-18s %-16s %s%n", "username", "role", "unit", "password"));
		for (Credential credential : credentials) {
			block.append(String.format("  %-22s %-18s %-16s %s%n", credential.username(), credential.role(),
					credential.unitCode(), credential.password()));
		}
		block.append(line).append('\n');
		out.print(block);
		out.flush();
	}

}
