package vn.camguard.products.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A warning as the form gives it; the vendor is a name as typed (a brand resolves to its maker). */
public record WarningDraft(String vendor, String model, String firmwareFrom, String firmwareTo, String authority,
		LocalDate issuedOn, String reference, String reason, String severity) {

	public WarningDraft {
		vendor = strip(vendor);
		model = strip(model);
		firmwareFrom = strip(firmwareFrom);
		firmwareTo = strip(firmwareTo);
		authority = strip(authority);
		reference = strip(reference);
		reason = strip(reason);
		severity = strip(severity);
	}

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (vendor == null) {
			problems.add(new Problem("vendor", "products.problem.vendor"));
		}
		if (model == null || model.length() > 100) {
			problems.add(new Problem("model", "products.problem.model"));
		}
		if ((firmwareFrom != null && firmwareFrom.length() > 100) || (firmwareTo != null && firmwareTo.length() > 100)) {
			problems.add(new Problem("firmwareFrom", "products.problem.version"));
		}
		else if (firmwareFrom != null && firmwareTo != null && FirmwareVersions.ORDER.compare(firmwareFrom, firmwareTo) > 0) {
			problems.add(new Problem("firmwareTo", "products.problem.firmware-range"));
		}
		if (authority == null || authority.length() > 300) {
			problems.add(new Problem("authority", "products.problem.authority"));
		}
		if (issuedOn == null) {
			problems.add(new Problem("issuedOn", "products.problem.warning-date"));
		}
		if (reference == null || reference.length() > 300) {
			problems.add(new Problem("reference", "products.problem.reference"));
		}
		if (reason == null || reason.length() > 2000) {
			problems.add(new Problem("reason", "products.problem.reason"));
		}
		if (severityValue() == null) {
			problems.add(new Problem("severity", "products.problem.severity"));
		}
		return problems;
	}

	public Severity severityValue() {
		try {
			return severity == null ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
