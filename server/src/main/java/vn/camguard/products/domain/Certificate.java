package vn.camguard.products.domain;

import java.time.LocalDate;

/**
 * A conformity certificate of a product, valid against the catalogue (regulation and version) it was
 * issued under.
 *
 * @param expiresOn last valid day, or null when the certificate states no expiry
 */
public record Certificate(long id, String catalogueCode, String number, String issuedBy, LocalDate issuedOn,
		LocalDate expiresOn) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(issuedOn) && (expiresOn == null || !day.isAfter(expiresOn));
	}

}
