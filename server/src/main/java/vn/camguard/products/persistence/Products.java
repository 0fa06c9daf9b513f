package vn.camguard.products.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.Firmware;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.domain.ProductKind;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.VendorNames;

/**
 * The registry tables: vendors and their brand names, products, firmware versions, certificates. The
 * registry is small (hundreds of models), so reads load whole products.
 */
@Repository
public class Products {

	private final JdbcClient jdbc;

	public Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- vendors

	public List<VendorNames> vendors() {
		Map<Long, List<String>> aliases = new HashMap<>();
		jdbc.sql("SELECT vendor_id, alias FROM product_vendor_alias ORDER BY alias")
			.query((rs, row) -> aliases.computeIfAbsent(rs.getLong("vendor_id"), v -> new ArrayList<>())
				.add(rs.getString("alias")))
			.list();
		return jdbc.sql("SELECT id, name, model_prefixes FROM product_vendor ORDER BY name")
			.query((rs, row) -> new VendorNames(rs.getLong("id"), rs.getString("name"),
					aliases.getOrDefault(rs.getLong("id"), List.of()), split(rs.getString("model_prefixes"))))
			.list();
	}

	/** Vendor rows with their sources, for the vendor list. */
	public List<VendorRow> vendorRows() {
		Map<Long, List<AliasRow>> aliases = new HashMap<>();
		jdbc.sql("SELECT vendor_id, alias, verified, source FROM product_vendor_alias ORDER BY alias")
			.query((rs, row) -> aliases.computeIfAbsent(rs.getLong("vendor_id"), v -> new ArrayList<>())
				.add(new AliasRow(rs.getString("alias"), rs.getBoolean("verified"), rs.getString("source"))))
			.list();
		return jdbc.sql("SELECT id, name, country, source FROM product_vendor ORDER BY name")
			.query((rs, row) -> new VendorRow(rs.getLong("id"), rs.getString("name"), rs.getString("country"),
					rs.getString("source"), aliases.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public record VendorRow(long id, String name, String country, String source, List<AliasRow> aliases) {
	}

	public record AliasRow(String alias, boolean verified, String source) {
	}

	/** The vendor's id, inserting it when absent. */
	public long ensureVendor(String name, String country, List<String> modelPrefixes, String source) {
		Optional<Long> id = jdbc.sql("SELECT id FROM product_vendor WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional();
		if (id.isPresent()) {
			return id.get();
		}
		jdbc.sql("INSERT INTO product_vendor (name, country, model_prefixes, source) VALUES (:name, :country, :prefixes, :source)")
			.param("name", name)
			.param("country", country)
			.param("prefixes", String.join(",", modelPrefixes))
			.param("source", source)
			.update();
		return ensureVendor(name, country, modelPrefixes, source);
	}

	/** Inserts the alias unless some vendor already has it; true when inserted. */
	public boolean insertAliasIfAbsent(long vendorId, String alias, boolean verified, String source) {
		if (jdbc.sql("SELECT COUNT(*) FROM product_vendor_alias WHERE alias = :alias")
			.param("alias", alias)
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		jdbc.sql("INSERT INTO product_vendor_alias (vendor_id, alias, verified, source) VALUES (:v, :alias, :verified, :source)")
			.param("v", vendorId)
			.param("alias", alias)
			.param("verified", verified)
			.param("source", source)
			.update();
		return true;
	}

	// ---- products

	public List<ProductMatching.Candidate> candidates() {
		return jdbc.sql("SELECT id, vendor_id, model FROM product")
			.query((rs, row) -> new ProductMatching.Candidate(rs.getLong("id"), rs.getLong("vendor_id"),
					rs.getString("model")))
			.list();
	}

	/** Products whose vendor or model contains the text (any case), by vendor and model. */
	public List<Product> list(String text) {
		String like = "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
		List<Long> ids = jdbc.sql("""
				SELECT p.id FROM product p JOIN product_vendor v ON v.id = p.vendor_id
				WHERE LOWER(p.model) LIKE :like OR LOWER(v.name) LIKE :like
				ORDER BY v.name, p.model""")
			.param("like", like)
			.query(Long.class)
			.list();
		return load(ids);
	}

	public Optional<Product> find(long id) {
		return load(List.of(id)).stream().findFirst();
	}

	private List<Product> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Firmware>> firmware = new HashMap<>();
		jdbc.sql("SELECT * FROM product_firmware WHERE product_id IN (:ids) ORDER BY release_date DESC, id DESC")
			.param("ids", ids)
			.query((rs, row) -> firmware.computeIfAbsent(rs.getLong("product_id"), p -> new ArrayList<>())
				.add(new Firmware(rs.getLong("id"), rs.getString("version"), rs.getObject("release_date", LocalDate.class),
						rs.getBoolean("latest"))))
			.list();
		Map<Long, List<Certificate>> certificates = new HashMap<>();
		jdbc.sql("SELECT * FROM product_certificate WHERE product_id IN (:ids) ORDER BY issued_on DESC, id DESC")
			.param("ids", ids)
			.query((rs, row) -> certificates.computeIfAbsent(rs.getLong("product_id"), p -> new ArrayList<>())
				.add(new Certificate(rs.getLong("id"), rs.getString("catalogue_code"), rs.getString("number"),
						rs.getString("issued_by"), rs.getObject("issued_on", LocalDate.class),
						rs.getObject("expires_on", LocalDate.class))))
			.list();
		Map<Long, Product> byId = new LinkedHashMap<>();
		jdbc.sql("SELECT p.*, v.name AS vendor_name FROM product p JOIN product_vendor v ON v.id = p.vendor_id WHERE p.id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> byId.put(rs.getLong("id"), product(rs, firmware, certificates)))
			.list();
		return ids.stream().map(byId::get).filter(p -> p != null).toList();
	}

	private static Product product(ResultSet rs, Map<Long, List<Firmware>> firmware,
			Map<Long, List<Certificate>> certificates) throws SQLException {
		long id = rs.getLong("id");
		return new Product(id, rs.getLong("owner_unit_id"), rs.getLong("vendor_id"), rs.getString("vendor_name"),
				rs.getString("model"), ProductKind.valueOf(rs.getString("kind")), rs.getString("country_of_origin"),
				rs.getString("hs_code"), rs.getString("co_ref"), rs.getString("cq_ref"),
				firmware.getOrDefault(id, List.of()), certificates.getOrDefault(id, List.of()),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	public boolean modelTaken(long vendorId, String model, Long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM product WHERE vendor_id = :v AND LOWER(model) = LOWER(:model) AND id <> :except")
			.param("v", vendorId)
			.param("model", model.strip())
			.param("except", exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(ProductDraft draft, long vendorId, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO product (owner_unit_id, vendor_id, model, kind, country_of_origin, hs_code, co_ref, cq_ref,
				  created_at, updated_at)
				VALUES (:unit, :vendor, :model, :kind, :country, :hs, :co, :cq, :now, :now)""")
			.params(values(draft, vendorId))
			.param("now", now)
			.update();
		return jdbc.sql("SELECT id FROM product WHERE vendor_id = :v AND model = :model")
			.param("v", vendorId)
			.param("model", draft.model().strip())
			.query(Long.class)
			.single();
	}

	public void update(long id, ProductDraft draft, long vendorId, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE product SET owner_unit_id = :unit, vendor_id = :vendor, model = :model, kind = :kind,
				  country_of_origin = :country, hs_code = :hs, co_ref = :co, cq_ref = :cq, updated_at = :now
				WHERE id = :id""")
			.params(values(draft, vendorId))
			.param("now", now)
			.param("id", id)
			.update();
	}

	private static Map<String, Object> values(ProductDraft draft, long vendorId) {
		Map<String, Object> values = new HashMap<>();
		values.put("unit", draft.unitId());
		values.put("vendor", vendorId);
		values.put("model", draft.model().strip());
		values.put("kind", draft.productKind().name());
		values.put("country", blankToNull(draft.countryOfOrigin()));
		values.put("hs", blankToNull(draft.hsCode()));
		values.put("co", blankToNull(draft.coRef()));
		values.put("cq", blankToNull(draft.cqRef()));
		return values;
	}

	public boolean firmwareListed(long productId, String version) {
		return jdbc.sql("SELECT COUNT(*) FROM product_firmware WHERE product_id = :p AND version = :version")
			.param("p", productId)
			.param("version", version)
			.query(Long.class)
			.single() > 0;
	}

	/** Adds a version; when it is the latest, the previous latest stops being so. */
	public void insertFirmware(long productId, String version, LocalDate releaseDate, boolean latest, OffsetDateTime now) {
		if (latest) {
			jdbc.sql("UPDATE product_firmware SET latest = FALSE WHERE product_id = :p").param("p", productId).update();
		}
		jdbc.sql("INSERT INTO product_firmware (product_id, version, release_date, latest) VALUES (:p, :version, :date, :latest)")
			.param("p", productId)
			.param("version", version)
			.param("date", releaseDate)
			.param("latest", latest)
			.update();
		touch(productId, now);
	}

	public boolean certificateListed(long productId, String catalogueCode, String number) {
		return jdbc.sql("SELECT COUNT(*) FROM product_certificate WHERE product_id = :p AND catalogue_code = :c AND number = :n")
			.param("p", productId)
			.param("c", catalogueCode)
			.param("n", number)
			.query(Long.class)
			.single() > 0;
	}

	public void insertCertificate(long productId, Certificate certificate, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO product_certificate (product_id, catalogue_code, number, issued_by, issued_on, expires_on)
				VALUES (:p, :c, :n, :by, :on, :expires)""")
			.param("p", productId)
			.param("c", certificate.catalogueCode())
			.param("n", certificate.number())
			.param("by", certificate.issuedBy())
			.param("on", certificate.issuedOn())
			.param("expires", certificate.expiresOn())
			.update();
		touch(productId, now);
	}

	private void touch(long productId, OffsetDateTime now) {
		jdbc.sql("UPDATE product SET updated_at = :now WHERE id = :id").param("now", now).param("id", productId).update();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static List<String> split(String text) {
		return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
	}

}
