package vn.camguard.products.domain;

import java.util.Locale;

import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;

/**
 * What the device list by standing is narrowed to; every part is optional (null = no restriction).
 *
 * @param certification certified / expired / not certified / unknown product
 * @param catalogue with {@code CERTIFIED}: only certificates issued under this catalogue (e.g. QCVN11_2026_BCA)
 * @param warned true: only warned devices; false: only devices no warning reaches
 * @param firmware current / outdated / ...
 * @param cves true: only devices with known CVEs; false: only those without
 */
public record StandingFilter(CertificationStatus certification, String catalogue, Boolean warned,
		FirmwareStatus firmware, Boolean cves) {

	/** The filter from request parameters as typed; an unknown value restricts nothing. */
	public static StandingFilter parse(String certification, String catalogue, String warned, String firmware,
			String cves) {
		return new StandingFilter(value(CertificationStatus.class, certification),
				catalogue == null || catalogue.isBlank() ? null : catalogue.strip(), yesNo(warned),
				value(FirmwareStatus.class, firmware), yesNo(cves));
	}

	public boolean accepts(DeviceStanding standing, boolean isWarned) {
		if (certification != null && standing.certification().status() != certification) {
			return false;
		}
		if (catalogue != null && (standing.certification().certificate() == null
				|| !catalogue.equals(standing.certification().certificate().catalogueCode()))) {
			return false;
		}
		if (warned != null && warned != isWarned) {
			return false;
		}
		if (firmware != null && standing.firmware().status() != firmware) {
			return false;
		}
		return cves == null || cves == !standing.cves().isEmpty();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static Boolean yesNo(String text) {
		if ("yes".equalsIgnoreCase(text) || "true".equalsIgnoreCase(text)) {
			return true;
		}
		if ("no".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return false;
		}
		return null;
	}

}
