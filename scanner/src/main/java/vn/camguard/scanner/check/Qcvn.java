package vn.camguard.scanner.check;

/**
 * QCVN 135:2024/BTTTT requirement groups a finding can disprove (shared/domain/qcvn-135-2024.md §2).
 * Clause numbers of the official text are unknown; the group number as published is the key.
 */
public enum Qcvn {

	UNIQUE_PASSWORD("QCVN 135:2024 group 1 (unique password)"),
	VULNERABILITY_MANAGEMENT("QCVN 135:2024 group 2 (vulnerability management)"),
	UPDATE_MANAGEMENT("QCVN 135:2024 group 3 (update management)"),
	SECURE_COMMUNICATION("QCVN 135:2024 group 5 (secure communication)"),
	ATTACK_SURFACE("QCVN 135:2024 group 6 (attacks through device interfaces)"),
	USER_DATA("QCVN 135:2024 group 7 (user data protection)");

	private final String label;

	Qcvn(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
