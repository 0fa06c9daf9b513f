package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.ProductMatching.Candidate;
import vn.camguard.products.domain.VendorNames;

/**
 * Matching inventory spellings to registered products: a table of real-world ways officers type
 * vendors and models (case, spaces, dashes, underscores, lens notes, white-label brands, the maker's
 * model prefix, a model with or without its variant suffix) to the product they mean, and spellings
 * that must match nothing rather than a wrong product. 0 = no match.
 */
class ProductMatchingTests {

	static final List<VendorNames> VENDORS = List.of(
			new VendorNames(1, "Hikvision", List.of("Hik Vision", "HiLook", "EZVIZ", "HiWatch"), List.of()),
			new VendorNames(2, "Dahua", List.of("Dahua Technology", "KBVision", "Imou", "Amcrest"), List.of("DH-", "DHI-")),
			new VendorNames(3, "Uniview", List.of("UNV"), List.of()),
			new VendorNames(4, "Axis", List.of("Axis Communications"), List.of()));

	static final List<Candidate> PRODUCTS = List.of(new Candidate(101, 1, "DS-2CD2143G2-I"),
			new Candidate(102, 1, "DS-2CD1023G0E-I"), new Candidate(103, 1, "DS-7608NI-K2"),
			new Candidate(104, 1, "IPC-B140H"), new Candidate(105, 1, "CS-C6N"),
			new Candidate(201, 2, "IPC-HFW2431S-S-S2"), new Candidate(202, 2, "IPC-HDW1230T1-S5"),
			new Candidate(203, 2, "KX-C2121S5"), new Candidate(204, 2, "IPC-A22EP"),
			new Candidate(205, 2, "NVR4108HS-4KS2"), new Candidate(301, 3, "IPC2122LB-SF28-A"),
			new Candidate(401, 4, "M3106-L Mk II"));

	static final ProductMatching MATCHING = new ProductMatching(VENDORS, PRODUCTS);

	@ParameterizedTest(name = "[{index}] \"{0}\" / \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Hikvision            | DS-2CD2143G2-I           | 101
			HIKVISION            | ds-2cd2143g2-i           | 101
			hikvision            | DS 2CD2143G2 I           | 101
			Hik Vision           | DS-2CD2143G2-I           | 101
			Hikvision            | DS-2CD2143G2-I (2.8mm)   | 101
			Hikvision            | DS-2CD2143G2-IS          | 101
			Hikvision            | DS-2CD2143G2             | 101
			Hikvision            | DS_2CD2143G2_I           | 101
			Camera Hikvision     | DS-2CD2143G2-I           | 101
			HiLook               | DS-2CD2143G2-I           | 101
			Hikvision            | ĐS-2CD2143G2-I           | 101
			Hikvision            | DS-2CD1023G0E-I          | 102
			hikvision            | DS2CD1023G0EI            | 102
			Hikvision            | DS-2CD1023G0E-I(L)       | 102
			Hikvision            | DS-2CD1023G0E            | 102
			Hikvision            | DS-7608NI-K2             | 103
			Hikvision            | DS-7608NI-K2/8P          | 103
			HIK VISION           | ds-7608ni-k2             | 103
			HiLook               | IPC-B140H                | 104
			Hilook               | IPC B140H                | 104
			HILOOK               | IPC-B140H-M              | 104
			Hikvision            | IPC-B140H                | 104
			EZVIZ                | CS-C6N                   | 105
			Ezviz                | cs-c6n (4MP)             | 105
			ezviz                | CSC6N                    | 105
			Dahua                | IPC-HFW2431S-S-S2        | 201
			DAHUA                | ipc-hfw2431s-s-s2        | 201
			Dahua                | DH-IPC-HFW2431S-S-S2     | 201
			Dahua Technology     | DHI-IPC-HFW2431S-S-S2    | 201
			Dahua                | IPC-HFW2431S             | 201
			Dahua                | IPC HFW2431S S S2        | 201
			Dahua                | IPC-HDW1230T1-S5         | 202
			Dahua                | DH-IPC-HDW1230T1-S5      | 202
			dahua                | ipc-hdw1230t1            | 202
			Amcrest              | IPC-HDW1230T1-S5         | 202
			KBVision             | KX-C2121S5               | 203
			KB Vision            | KX-C2121S5               | 203
			kbvision             | kx-c2121s5               | 203
			KBVISION             | KX C2121S5               | 203
			Dahua                | KX-C2121S5               | 203
			KBVision             | KX-C2121S5-A             | 203
			Imou                 | IPC-A22EP                | 204
			IMOU                 | ipc-a22ep                | 204
			Imou                 | IPC-A22EP-D              | 204
			Imou Ranger 2        | IPC-A22EP                | 204
			Dahua                | NVR4108HS-4KS2           | 205
			Dahua                | DHI-NVR4108HS-4KS2       | 205
			Dahua                | NVR4108HS-4KS2/L         | 205
			Uniview              | IPC2122LB-SF28-A         | 301
			UNV                  | IPC2122LB-SF28-A         | 301
			uniview              | ipc2122lb-sf28           | 301
			Axis                 | M3106-L Mk II            | 401
			AXIS                 | M3106-L MkII             | 401
			Axis Communications  | m3106-l mk ii            | 401
			                     | DS-2CD2143G2-I           | 101
			                     | KX-C2121S5               | 203
			Hikvision            | DS-2CD                   | 0
			Sony                 | DS-2CD2143G2-I           | 0
			Dahua                | DS-2CD2143G2-I           | 0
			Hikvision            | IPC-HFW2431S-S-S2        | 0
			Hikvision            |                          | 0
			Hikvision            | DS-2CD2143G2-IZS-EXTRA   | 0
			""")
	void recognisesTheProductMeant(String vendor, String model, long expected) {
		Optional<ProductMatching.Match> match = MATCHING.match(vendor, model);
		if (expected == 0) {
			assertThat(match).isEmpty();
		}
		else {
			assertThat(match).map(ProductMatching.Match::productId).contains(expected);
		}
	}

	@Test
	void twoProductsFittingEquallyWellMatchNeither() {
		ProductMatching matching = new ProductMatching(VENDORS,
				List.of(new Candidate(1, 1, "DS-2CD2143G2-IA"), new Candidate(2, 1, "DS-2CD2143G2-IB")));
		assertThat(matching.match("Hikvision", "DS-2CD2143G2-I")).isEmpty();
		assertThat(matching.match("Hikvision", "DS-2CD2143G2-IB")).map(ProductMatching.Match::productId).contains(2L);
	}

	@Test
	void saysHowItMatched() {
		assertThat(MATCHING.match("KBVision", "KX-C2121S5")).get()
			.satisfies(m -> {
				assertThat(m.how()).isEqualTo(ProductMatching.How.EXACT);
				assertThat(m.vendorName()).isEqualTo("Dahua");
				assertThat(m.byAlias()).isTrue();
			});
		assertThat(MATCHING.match("Hikvision", "DS-2CD2143G2")).get()
			.satisfies(m -> assertThat(m.how()).isEqualTo(ProductMatching.How.VARIANT));
	}

}
