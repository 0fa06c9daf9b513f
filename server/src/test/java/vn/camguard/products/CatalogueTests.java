package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.domain.CatalogueMapping;
import vn.camguard.products.domain.ItemCorrection;
import vn.camguard.products.persistence.Catalogues;

/**
 * Requirement catalogues: QCVN 135:2024 and QCVN 11:2026/BCA are seeded with their validity, 11
 * groups, sources and verified flags and the scanner's real check ids; seeding again adds nothing and
 * keeps a correction; only the province admin corrects an item (audited, bad input refused whole);
 * the mapping shows what an assessment under QCVN 135 proves under QCVN 11 and what is missing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Catalogues catalogues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	TestTree.TestUser admin;

	TestTree.TestUser officer;

	@BeforeAll
	void people() {
		TestTree tree = TestTree.create(setup);
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
	}

	@Test
	void bothRegulationsAreSeededWithValidityGroupsAndSources() {
		Catalogue qcvn135 = catalogues.find("QCVN135_2024").orElseThrow();
		Catalogue qcvn11 = catalogues.find("QCVN11_2026_BCA").orElseThrow();
		assertThat(qcvn135.validFrom()).isEqualTo(LocalDate.of(2025, 2, 15));
		assertThat(qcvn135.validUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(qcvn11.validFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(qcvn11.validUntil()).isNull();
		assertThat(qcvn135.inForceOn(LocalDate.of(2026, 6, 30))).isTrue();
		assertThat(qcvn135.inForceOn(LocalDate.of(2026, 7, 1))).isFalse();
		assertThat(qcvn11.inForceOn(LocalDate.of(2026, 7, 1))).isTrue();
		for (Catalogue catalogue : new Catalogue[] { qcvn135, qcvn11 }) {
			assertThat(catalogue.groups()).hasSize(11);
			assertThat(catalogue.items()).allSatisfy(item -> {
				assertThat(item.source()).isNotBlank();
				assertThat(item.textVi()).isNotBlank();
				assertThat(item.textEn()).isNotBlank();
				assertThat(ItemCorrection.SCANNER_CHECKS).containsAll(item.scannerChecks());
			});
		}
		assertThat(qcvn135.items()).allSatisfy(item -> assertThat(item.etsiProvisions()).isNotEmpty());
		CatalogueItem uniquePasswords = qcvn135.items().getFirst();
		assertThat(uniquePasswords.code()).isEqualTo("1.a");
		assertThat(uniquePasswords.verified()).isTrue();
		assertThat(uniquePasswords.scannerChecks()).contains("CG-CRED-DEFAULT");
		assertThat(qcvn135.items().stream().filter(i -> i.code().equals("8.a")).findFirst().orElseThrow().scanVerifiable())
			.as("resilience cannot be tested without an outage").isFalse();
	}

	@Test
	void theCatalogueKnowsExactlyTheScannersCheckIds() throws IOException {
		Set<String> scanner = new TreeSet<>();
		Pattern id = Pattern.compile("\"(CG-[A-Z0-9-]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("../scanner/src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = id.matcher(Files.readString(file));
				while (matcher.find()) {
					scanner.add(matcher.group(1));
				}
			}
		}
		assertThat(new TreeSet<>(ItemCorrection.SCANNER_CHECKS)).isEqualTo(scanner);
	}

	@Test
	void adminCorrectsAnItemAuditedAndSeedingAgainKeepsIt() throws Exception {
		Catalogue before = catalogues.find("QCVN135_2024").orElseThrow();
		CatalogueItem erase = before.items().stream().filter(i -> i.code().equals("9.a")).findFirst().orElseThrow();
		long itemsBefore = jdbc.sql("SELECT COUNT(*) FROM product_catalogue_item").query(Long.class).single();
		String path = "/products/catalogues/QCVN135_2024/items/" + erase.id();

		assertThat(send(get(path + "/edit"), officer).getStatus()).isEqualTo(403);
		assertThat(send(correction(path, "Corrected by the test", "5.11"), officer).getStatus()).isEqualTo(403);

		MockHttpServletResponse refused = send(correction(path, "Corrected by the test", "five point eleven")
			.param("lang", "en"), admin);
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains("five point eleven")
			.contains("Corrected by the test");
		assertThat(item(erase.id()).textEn()).isEqualTo(erase.textEn());

		try {
			assertThat(send(correction(path, "Corrected by the test", "5.11"), admin).getStatus()).isEqualTo(302);
			assertThat(item(erase.id()).textEn()).isEqualTo("Corrected by the test");
			assertThat(item(erase.id()).updatedBy()).isEqualTo(admin.username());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'catalogue.item.correct' AND actor = :a")
				.param("a", admin.username())
				.query(Long.class)
				.single()).isEqualTo(1);

			context.getBean("registrySeed", ApplicationRunner.class).run(null);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM product_catalogue_item").query(Long.class).single())
				.isEqualTo(itemsBefore);
			assertThat(item(erase.id()).textEn()).as("a correction survives the next start").isEqualTo("Corrected by the test");
		}
		finally {
			catalogues.updateItem(erase.id(), new ItemCorrection(erase.textVi(), erase.textEn(),
					String.join(",", erase.etsiProvisions()), String.join(",", erase.scannerChecks()), erase.verified(),
					erase.source()), "system", erase.updatedAt());
		}
	}

	@Test
	void mappingShowsWhatCarriesOverFromQcvn135ToQcvn11AndWhatIsMissing() throws Exception {
		CatalogueMapping mapping = CatalogueMapping.between(catalogues.find("QCVN135_2024").orElseThrow(),
				catalogues.find("QCVN11_2026_BCA").orElseThrow());
		assertThat(mapping.missing()).extracting(row -> row.target().code()).containsExactly("2.b", "7.b", "10.b");
		assertThat(mapping.carried()).isEqualTo(mapping.rows().size() - 3);
		CatalogueMapping.Row passwords = mapping.rows().getFirst();
		assertThat(passwords.sources()).extracting(CatalogueItem::code).containsExactly("1.a", "1.b", "1.c");
		assertThat(passwords.via()).containsExactly("5.1");

		String html = send(get("/products/catalogues/mapping").param("from", "QCVN135_2024")
			.param("to", "QCVN11_2026_BCA")
			.param("lang", "en"), officer).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(mapping.carried() + " of " + mapping.rows().size() + " items carry over; 3 still missing")
			.contains("data-item=\"7.b\" class=\"table-warning\"")
			.contains("carries over (ETSI 5.1)");
	}

	private MockHttpServletRequestBuilder correction(String path, String textEn, String provisions) {
		return post(path).param("textVi", "Người dùng xoá được dữ liệu")
			.param("textEn", textEn)
			.param("etsiProvisions", provisions)
			.param("scannerChecks", "")
			.param("source", "test");
	}

	private CatalogueItem item(long id) {
		return catalogues.find("QCVN135_2024").orElseThrow().item(id).orElseThrow();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
