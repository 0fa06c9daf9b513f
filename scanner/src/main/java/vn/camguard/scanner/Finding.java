package vn.camguard.scanner;

import java.util.List;

/**
 * One weakness found on one device: a stable check id (e.g. {@code CG-CRED-DEFAULT}), its severity, the
 * QCVN 135:2024 requirement group it disproves, and the evidence (one entry per protocol where it showed).
 */
public record Finding(String checkId, Severity severity, String qcvnGroup, String title, List<Evidence> evidence,
		List<String> references) {

	public Finding {
		evidence = List.copyOf(evidence);
		references = List.copyOf(references);
	}

}
