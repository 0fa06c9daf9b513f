package vn.camguard.products.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A device at a glance: which product it is, whether that product is certified (under which
 * catalogue), whether its firmware is the latest, and the known CVEs of its model family, each with
 * the evidence that led to it. The states are also stored per device ({@link StoredStanding}) for filtering;
 * the evidence is computed when shown.
 */
public record DeviceStanding(Optional<Recognition> product, Certification certification, FirmwareState firmware,
		List<CveHit> cves) {

	public DeviceStanding {
		cves = List.copyOf(cves);
	}

	/** The product recognised and how. */
	public record Recognition(Product product, ProductMatching.Match match) {
	}

	public enum CertificationStatus {
		CERTIFIED, EXPIRED, NOT_CERTIFIED, UNKNOWN_PRODUCT
	}

	/** @param certificate the valid certificate, or the one that expired last; null when none */
	public record Certification(CertificationStatus status, Certificate certificate) {
	}

	public enum FirmwareStatus {
		CURRENT, OUTDATED, NOT_LISTED, NOT_RECORDED, NO_REFERENCE
	}

	/** @param latest the vendor's latest version, or null when the registry has none */
	public record FirmwareState(FirmwareStatus status, String observed, Firmware latest) {
	}

	/** @param pattern the model family in the CVE record that the device's model matches */
	public record CveHit(KnownCve cve, String pattern) {
	}

	public static DeviceStanding of(String model, String firmware, Optional<Recognition> recognised,
			List<VendorNames> vendors, Optional<VendorNames> vendor, List<KnownCve> cves, LocalDate today) {
		Certification certification = recognised.map(r -> certification(r.product(), today))
			.orElse(new Certification(CertificationStatus.UNKNOWN_PRODUCT, null));
		FirmwareState firmwareState = firmware(firmware, recognised.map(Recognition::product));
		List<CveHit> hits = vendor.map(v -> cves(model, v, vendors, cves)).orElse(List.of());
		return new DeviceStanding(recognised, certification, firmwareState, hits);
	}

	static Certification certification(Product product, LocalDate today) {
		Optional<Certificate> valid = product.certificates()
			.stream()
			.filter(c -> c.validOn(today))
			.max(Comparator.comparing(Certificate::issuedOn));
		if (valid.isPresent()) {
			return new Certification(CertificationStatus.CERTIFIED, valid.get());
		}
		Optional<Certificate> expired = product.certificates()
			.stream()
			.filter(c -> c.expiresOn() != null && c.expiresOn().isBefore(today))
			.max(Comparator.comparing(Certificate::expiresOn));
		return expired.map(c -> new Certification(CertificationStatus.EXPIRED, c))
			.orElse(new Certification(CertificationStatus.NOT_CERTIFIED, null));
	}

	static FirmwareState firmware(String observed, Optional<Product> product) {
		Firmware latest = product.flatMap(Product::latestFirmware).orElse(null);
		if (observed == null || observed.isBlank()) {
			return new FirmwareState(FirmwareStatus.NOT_RECORDED, observed, latest);
		}
		if (latest == null) {
			return new FirmwareState(FirmwareStatus.NO_REFERENCE, observed, null);
		}
		String key = ProductMatching.key(observed);
		if (ProductMatching.key(latest.version()).equals(key)) {
			return new FirmwareState(FirmwareStatus.CURRENT, observed, latest);
		}
		boolean listed = product.get().firmware().stream().anyMatch(f -> ProductMatching.key(f.version()).equals(key));
		return new FirmwareState(listed ? FirmwareStatus.OUTDATED : FirmwareStatus.NOT_LISTED, observed, latest);
	}

	/** CVEs of the device's maker whose model families include the device's model. */
	static List<CveHit> cves(String model, VendorNames vendor, List<VendorNames> vendors, List<KnownCve> cves) {
		List<String> modelKeys = new ArrayList<>();
		String key = ProductMatching.key(model);
		if (key.isEmpty()) {
			return List.of();
		}
		modelKeys.add(key);
		for (String prefix : vendor.modelPrefixes()) {
			String prefixKey = ProductMatching.key(prefix);
			modelKeys.add(prefixKey + key);
			if (key.startsWith(prefixKey)) {
				modelKeys.add(key.substring(prefixKey.length()));
			}
		}
		ProductMatching makers = new ProductMatching(vendors, List.of());
		List<CveHit> hits = new ArrayList<>();
		for (KnownCve cve : cves) {
			Optional<ProductMatching.VendorMatch> maker = makers.vendor(cve.vendor());
			if (maker.isEmpty() || maker.get().vendor().id() != vendor.id()) {
				continue;
			}
			cve.modelPatterns()
				.stream()
				.filter(pattern -> modelKeys.stream().anyMatch(pattern::matches))
				.findFirst()
				.ifPresent(pattern -> hits.add(new CveHit(cve, pattern.token())));
		}
		return hits;
	}

}
