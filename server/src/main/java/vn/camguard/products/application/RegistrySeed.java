package vn.camguard.products.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.camguard.audit.AuditTrail;
import vn.camguard.products.domain.ItemCorrection;
import vn.camguard.products.persistence.Catalogues;
import vn.camguard.products.persistence.Products;

/**
 * Loads the shipped catalogues ({@code products/catalogues.json}) and vendors with their brand names
 * ({@code products/vendors.json}) at every start, adding only what the database lacks: a catalogue,
 * group, item, vendor or alias that exists is left as it is, so corrections made in the application
 * survive a restart and a release only adds. What was added is audited, as the system.
 */
@Component
@Order(20)
class RegistrySeed implements ApplicationRunner {

	private final Catalogues catalogues;

	private final Products products;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final StandingUpkeep standings;

	private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	RegistrySeed(Catalogues catalogues, Products products, AuditTrail audit, TransactionTemplate transaction,
			StandingUpkeep standings) {
		this.standings = standings;
		this.catalogues = catalogues;
		this.products = products;
		this.audit = audit;
		this.transaction = transaction;
	}

	record CatalogueFile(List<CatalogueData> catalogues) {
	}

	record CatalogueData(String code, String titleVi, String titleEn, String issuedBy, LocalDate validFrom,
			LocalDate validUntil, String source, List<GroupData> groups) {
	}

	record GroupData(String code, String nameVi, String nameEn, List<ItemData> items) {
	}

	record ItemData(String code, String textVi, String textEn, String etsi, List<String> checks, boolean verified,
			String source) {
	}

	record VendorFile(List<VendorData> vendors) {
	}

	record VendorData(String name, String country, List<String> modelPrefixes, String source, List<AliasData> aliases) {
	}

	record AliasData(String alias, boolean verified, String source) {
	}

	@Override
	public void run(ApplicationArguments args) {
		CatalogueFile catalogueFile = read("/products/catalogues.json", CatalogueFile.class);
		VendorFile vendorFile = read("/products/vendors.json", VendorFile.class);
		transaction.executeWithoutResult(status -> {
			seedCatalogues(catalogueFile);
			seedVendors(vendorFile);
		});
	}

	private void seedCatalogues(CatalogueFile file) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (CatalogueData catalogue : file.catalogues()) {
			long id = catalogues.idOf(catalogue.code())
				.orElseGet(() -> catalogues.insertCatalogue(catalogue.code(), catalogue.titleVi(), catalogue.titleEn(),
						catalogue.issuedBy(), catalogue.validFrom(), catalogue.validUntil(), catalogue.source(), now));
			int added = 0;
			int groupPosition = 0;
			for (GroupData group : catalogue.groups()) {
				long groupId = catalogues.ensureGroup(id, group.code(), ++groupPosition, group.nameVi(), group.nameEn());
				int itemPosition = 0;
				for (ItemData item : group.items()) {
					ItemCorrection values = new ItemCorrection(item.textVi(), item.textEn(), item.etsi(),
							String.join(",", item.checks()), item.verified(), item.source());
					if (!values.problems().isEmpty()) {
						throw new IllegalStateException("products/catalogues.json " + catalogue.code() + " " + item.code()
								+ ": " + values.problems());
					}
					if (catalogues.insertItemIfAbsent(groupId, item.code(), ++itemPosition, values, "system", now)) {
						added++;
					}
				}
			}
			if (added > 0) {
				audit.recordFor("system", "catalogue.seed", "catalogue", catalogue.code(), null, null,
						new Seeded(catalogue.code(), added));
			}
		}
	}

	record Seeded(String catalogue, int itemsAdded) {
	}

	private void seedVendors(VendorFile file) {
		int added = 0;
		for (VendorData vendor : file.vendors()) {
			long id = products.ensureVendor(vendor.name(), vendor.country(),
					vendor.modelPrefixes() == null ? List.of() : vendor.modelPrefixes(), vendor.source());
			for (AliasData alias : vendor.aliases()) {
				if (products.insertAliasIfAbsent(id, alias.alias(), alias.verified(), alias.source())) {
					added++;
				}
			}
		}
		if (added > 0) {
			// a new brand name may tie devices to another maker (or to one at all)
			standings.vendorNamesChanged();
			audit.recordFor("system", "vendor.seed", "vendor", null, null, null, new Seeded("vendors", added));
		}
	}

	private <T> T read(String resource, Class<T> type) {
		try (InputStream in = RegistrySeed.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the application");
			}
			return json.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
