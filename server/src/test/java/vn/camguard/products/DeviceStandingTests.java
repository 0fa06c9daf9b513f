package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.DeviceStanding;
import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;
import vn.camguard.products.domain.DeviceStanding.Recognition;
import vn.camguard.products.domain.Firmware;
import vn.camguard.products.domain.KnownCve;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductKind;
import vn.camguard.products.domain.ProductMatching;

/**
 * A device's standing as a pure function: a certificate is valid through its expiry day and not
 * after; the latest valid certificate is the evidence; an expired one is named; firmware compares
 * regardless of case and punctuation; a version the vendor never published is told apart from an
 * outdated one; CVEs follow the model families named in the record and the maker's model prefix.
 */
class DeviceStandingTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	static final KnownCve HIKVISION_CVE = new KnownCve("CVE-2017-7921", "Hikvision",
			"IP camera (DS-2CD2xx2F-I, DS-2CD2xx0F-I)", "DS-2CD2xx2F-I V5.2.0 build 140721 to V5.4.0 build 160530", "later",
			"10.0", "auth-bypass", "nuclei");

	static final KnownCve DAHUA_CVE = new KnownCve("CVE-2017-7925", "Dahua", "IP camera / NVR / HCVR",
			"DH-IPC-HDW1XXX/2XXX/4XXX, DH-SD6CXX", "UNVERIFIED", "9.8", "credential-exposure", "nuclei");

	static Product product(List<Certificate> certificates, List<Firmware> firmware) {
		return new Product(1, 1, 1, "Hikvision", "DS-2CD2142F-I", ProductKind.CAMERA, null, null, null, null, firmware,
				certificates, OffsetDateTime.now());
	}

	static DeviceStanding standing(Product product, String model, String firmware) {
		Recognition recognition = new Recognition(product,
				new ProductMatching.Match(product.id(), ProductMatching.How.EXACT, "Hikvision", false));
		return DeviceStanding.of(model, firmware, Optional.of(recognition), ProductMatchingTests.VENDORS,
				Optional.of(ProductMatchingTests.VENDORS.getFirst()), List.of(HIKVISION_CVE, DAHUA_CVE), TODAY);
	}

	@Test
	void aCertificateIsValidThroughItsExpiryDayOnly() {
		Certificate endsToday = new Certificate(1, "QCVN135_2024", "A", "Body", TODAY.minusYears(1), TODAY);
		Certificate endedYesterday = new Certificate(2, "QCVN135_2024", "B", "Body", TODAY.minusYears(1),
				TODAY.minusDays(1));
		assertThat(standing(product(List.of(endsToday), List.of()), "x", null).certification().status())
			.isEqualTo(CertificationStatus.CERTIFIED);
		DeviceStanding lapsed = standing(product(List.of(endedYesterday), List.of()), "x", null);
		assertThat(lapsed.certification().status()).isEqualTo(CertificationStatus.EXPIRED);
		assertThat(lapsed.certification().certificate().number()).isEqualTo("B");
		assertThat(standing(product(List.of(), List.of()), "x", null).certification().status())
			.isEqualTo(CertificationStatus.NOT_CERTIFIED);
		Certificate notYet = new Certificate(3, "QCVN11_2026_BCA", "C", "Body", TODAY.plusDays(1), null);
		assertThat(standing(product(List.of(notYet), List.of()), "x", null).certification().status())
			.isEqualTo(CertificationStatus.NOT_CERTIFIED);
		assertThat(standing(product(List.of(endedYesterday, endsToday), List.of()), "x", null).certification()
			.certificate()
			.number()).isEqualTo("A");
	}

	@Test
	void firmwareIsCurrentOutdatedOrNotPublished() {
		Product product = product(List.of(), List.of(new Firmware(1, "V5.5.0 build 170725", TODAY.minusYears(9), false),
				new Firmware(2, "V5.7.3 build 220112", TODAY.minusYears(4), true)));
		assertThat(standing(product, "x", "v5.7.3 Build 220112").firmware().status()).isEqualTo(FirmwareStatus.CURRENT);
		assertThat(standing(product, "x", "V5.5.0 build 170725").firmware().status()).isEqualTo(FirmwareStatus.OUTDATED);
		assertThat(standing(product, "x", "V9.9.9").firmware().status()).isEqualTo(FirmwareStatus.NOT_LISTED);
		assertThat(standing(product, "x", " ").firmware().status()).isEqualTo(FirmwareStatus.NOT_RECORDED);
		assertThat(standing(product(List.of(), List.of()), "x", "V1").firmware().status())
			.isEqualTo(FirmwareStatus.NO_REFERENCE);
	}

	@Test
	void cvesFollowTheModelFamiliesOfTheMaker() {
		Product product = product(List.of(), List.of());
		assertThat(standing(product, "DS-2CD2142F-I", null).cves()).extracting(hit -> hit.cve().cve())
			.containsExactly("CVE-2017-7921");
		assertThat(standing(product, "DS-2CD2142F-I", null).cves().getFirst().pattern()).isEqualTo("DS-2CD2xx2F-I");
		assertThat(standing(product, "DS-2CD2143G2-I", null).cves()).isEmpty();
		// a Dahua model typed without the maker's "DH-" prefix still falls in the family
		Recognition dahua = new Recognition(product,
				new ProductMatching.Match(1, ProductMatching.How.EXACT, "Dahua", false));
		DeviceStanding typedWithoutPrefix = DeviceStanding.of("IPC-HDW1230T1-S5", null, Optional.of(dahua),
				ProductMatchingTests.VENDORS, Optional.of(ProductMatchingTests.VENDORS.get(1)),
				List.of(HIKVISION_CVE, DAHUA_CVE), TODAY);
		assertThat(typedWithoutPrefix.cves()).extracting(hit -> hit.cve().cve()).containsExactly("CVE-2017-7925");
	}

}
