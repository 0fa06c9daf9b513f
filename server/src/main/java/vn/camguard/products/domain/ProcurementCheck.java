package vn.camguard.products.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A check made before buying: what an officer of a unit asked (vendor, model and firmware as typed or chosen, the
 * purchase date) and what CamGuard answered, each answer with its source. Kept as answered: the registry, the
 * warning list and the CVE list may change after the purchase, the purchase file must not.
 */
public record ProcurementCheck(long id, long unitId, String unitName, String officer, OffsetDateTime checkedAt,
		LocalDate purchaseDate, String vendor, String model, String firmware, Answers answers) {

	/** Where the registry answers come from, e.g. {@code CamGuard product registry #12 (Dahua IPC-HFW2431S)}. */
	static final String REGISTRY = "CamGuard product registry";

	/** Where the CVE answers come from when the record names no source of its own. */
	static final String CVE_LIST = "CamGuard camera CVE list (shared/data/camera-cves.csv)";

	public enum CertificationStatus {
		/** A certificate under the regulation in force on the purchase date is valid on that date. */
		CERTIFIED,
		/** The product's certificate under the regulation in force had expired by the purchase date. */
		EXPIRED,
		/** Certified only under another regulation than the one in force on the purchase date. */
		OTHER_REGULATION,
		/** The product is registered without a certificate valid on the purchase date. */
		NOT_CERTIFIED,
		/** The vendor and model name no registered product. */
		UNKNOWN_PRODUCT,
		/** No catalogue CamGuard knows was in force on the purchase date. */
		NO_REGULATION
	}

	/** Everything answered, as stored. */
	public record Answers(ProductAnswer product, CertificationAnswer certification, List<WarningAnswer> warnings,
			List<CveAnswer> cves, FirmwareAnswer firmware) {

		public Answers {
			warnings = List.copyOf(warnings);
			cves = List.copyOf(cves);
		}

		public boolean warned() {
			return !warnings.isEmpty();
		}

	}

	/**
	 * @param productId the registered product, or null when none was recognised
	 * @param how EXACT, VARIANT or CHOSEN (picked from the registry); null when none was recognised
	 * @param byAlias the typed vendor is a brand (white label) of the maker
	 */
	public record ProductAnswer(Long productId, String vendor, String model, String how, boolean byAlias,
			String source) {
	}

	/**
	 * @param catalogueCode the regulation in force on the purchase date, or null
	 * @param certificateCatalogue the regulation the certificate shown was issued under
	 */
	public record CertificationAnswer(CertificationStatus status, String catalogueCode, String catalogueTitleVi,
			String catalogueTitleEn, String certificateCatalogue, String number, String issuedBy, LocalDate issuedOn,
			LocalDate expiresOn, String source) {

		public String catalogueTitle(String language) {
			return "en".equals(language) ? catalogueTitleEn : catalogueTitleVi;
		}

	}

	public record WarningAnswer(long warningId, String authority, LocalDate issuedOn, String reference, String reason,
			Severity severity, String firmwareFrom, String firmwareTo, String source) {
	}

	public record CveAnswer(String cve, String pattern, String affectedVersions, String fixedVersion, String cvss,
			String source) {
	}

	public record FirmwareAnswer(DeviceStanding.FirmwareStatus status, String asked, String latest,
			LocalDate latestReleased, String source) {
	}

	/**
	 * The answers for a model and firmware on a purchase date. A pure function of what it is given.
	 *
	 * @param recognised the product chosen or recognised, with how ({@code CHOSEN}, {@code EXACT}, {@code VARIANT})
	 * @param catalogues every catalogue CamGuard holds
	 * @param warnings the warnings reaching the unit's province that reach this model and firmware
	 * @param vendor the maker the typed vendor names, if known (for the CVE list)
	 */
	public static Answers answer(String model, String firmware, LocalDate purchaseDate, Optional<Recognised> recognised,
			List<Catalogue> catalogues, List<Warning> warnings, List<VendorNames> vendors, Optional<VendorNames> vendor,
			List<KnownCve> cves) {
		Optional<Product> product = recognised.map(Recognised::product);
		ProductAnswer productAnswer = recognised
			.map(r -> new ProductAnswer(r.product().id(), r.product().vendorName(), r.product().model(), r.how(),
					r.byAlias(), registrySource(r.product())))
			.orElse(new ProductAnswer(null, null, null, null, false, REGISTRY));
		Optional<Catalogue> inForce = catalogues.stream()
			.filter(c -> c.inForceOn(purchaseDate))
			.max(Comparator.comparing(Catalogue::validFrom));
		CertificationAnswer certification = certification(product, inForce, purchaseDate);
		List<WarningAnswer> warned = warnings.stream()
			.map(w -> new WarningAnswer(w.id(), w.authority(), w.issuedOn(), w.reference(), w.reason(), w.severity(),
					w.firmwareFrom(), w.firmwareTo(), w.authority() + ", " + w.reference()))
			.toList();
		String cveModel = product.map(Product::model).orElse(model);
		List<CveAnswer> hits = vendor.map(v -> DeviceStanding.cves(cveModel, v, vendors, cves))
			.orElse(List.of())
			.stream()
			.map(hit -> new CveAnswer(hit.cve().cve(), hit.pattern(), hit.cve().affectedVersions(),
					hit.cve().fixedVersion(), hit.cve().cvss(),
					hit.cve().source() == null || hit.cve().source().isBlank() ? CVE_LIST : hit.cve().source()))
			.toList();
		DeviceStanding.FirmwareState state = DeviceStanding.firmware(firmware, product);
		FirmwareAnswer firmwareAnswer = new FirmwareAnswer(state.status(), firmware,
				state.latest() == null ? null : state.latest().version(),
				state.latest() == null ? null : state.latest().releaseDate(),
				product.map(ProcurementCheck::registrySource).orElse(REGISTRY));
		return new Answers(productAnswer, certification, warned, hits, firmwareAnswer);
	}

	/** The product recognised, and how: CHOSEN from the registry, or EXACT / VARIANT by matching. */
	public record Recognised(Product product, String how, boolean byAlias) {
	}

	private static CertificationAnswer certification(Optional<Product> product, Optional<Catalogue> inForce,
			LocalDate day) {
		String code = inForce.map(Catalogue::code).orElse(null);
		String titleVi = inForce.map(Catalogue::titleVi).orElse(null);
		String titleEn = inForce.map(Catalogue::titleEn).orElse(null);
		if (product.isEmpty()) {
			return new CertificationAnswer(CertificationStatus.UNKNOWN_PRODUCT, code, titleVi, titleEn, null, null, null,
					null, null, REGISTRY);
		}
		String source = registrySource(product.get());
		if (inForce.isEmpty()) {
			return new CertificationAnswer(CertificationStatus.NO_REGULATION, null, null, null, null, null, null, null,
					null, source);
		}
		List<Certificate> certificates = product.get().certificates();
		Optional<Certificate> valid = certificates.stream()
			.filter(c -> c.catalogueCode().equals(code) && c.validOn(day))
			.max(Comparator.comparing(Certificate::issuedOn));
		if (valid.isPresent()) {
			return answer(CertificationStatus.CERTIFIED, inForce.get(), valid.get(), source);
		}
		Optional<Certificate> expired = certificates.stream()
			.filter(c -> c.catalogueCode().equals(code) && c.expiresOn() != null && c.expiresOn().isBefore(day))
			.max(Comparator.comparing(Certificate::expiresOn));
		if (expired.isPresent()) {
			return answer(CertificationStatus.EXPIRED, inForce.get(), expired.get(), source);
		}
		Optional<Certificate> other = certificates.stream()
			.filter(c -> !c.catalogueCode().equals(code) && c.validOn(day))
			.max(Comparator.comparing(Certificate::issuedOn));
		if (other.isPresent()) {
			return answer(CertificationStatus.OTHER_REGULATION, inForce.get(), other.get(), source);
		}
		return new CertificationAnswer(CertificationStatus.NOT_CERTIFIED, code, titleVi, titleEn, null, null, null, null,
				null, source);
	}

	private static CertificationAnswer answer(CertificationStatus status, Catalogue inForce, Certificate certificate,
			String source) {
		return new CertificationAnswer(status, inForce.code(), inForce.titleVi(), inForce.titleEn(),
				certificate.catalogueCode(), certificate.number(), certificate.issuedBy(), certificate.issuedOn(),
				certificate.expiresOn(), source + ", " + certificate.catalogueCode() + " " + certificate.number());
	}

	private static String registrySource(Product product) {
		return REGISTRY + " #" + product.id() + " (" + product.vendorName() + " " + product.model() + ")";
	}

}
