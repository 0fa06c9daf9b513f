package vn.camguard.products.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.persistence.Catalogues;
import vn.camguard.products.persistence.Products;

/**
 * The product registry. Every signed-in user reads it (province, market inspectors and units all
 * need to know what is certified); a product is changed only by holders of
 * {@link Permission#PRODUCTS_MANAGE} on the unit that owns the record: a vendor on its own unit, the
 * province admin on the province. Every change is audited with before and after.
 */
@Service
public class ProductRegistry {

	static final int VERSION_MAX = 100;

	private final Products products;

	private final Catalogues catalogues;

	private final AccessControl access;

	private final UnitDirectory units;

	private final AuditTrail audit;

	private final StandingUpkeep standings;

	public ProductRegistry(Products products, Catalogues catalogues, AccessControl access, UnitDirectory units,
			AuditTrail audit, StandingUpkeep standings) {
		this.standings = standings;
		this.products = products;
		this.catalogues = catalogues;
		this.access = access;
		this.units = units;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Product> list(String text) {
		return products.list(text);
	}

	@Transactional(readOnly = true)
	public Product product(long id) {
		return products.find(id).orElseThrow(() -> new NotFound("product " + id));
	}

	@Transactional(readOnly = true)
	public List<Products.VendorRow> vendors() {
		return products.vendorRows();
	}

	@Transactional(readOnly = true)
	public ProductMatching matching() {
		return new ProductMatching(products.vendors(), products.candidates());
	}

	@Transactional(readOnly = true)
	public List<VendorNames> vendorNames() {
		return products.vendors();
	}

	public boolean canManage(Product product) {
		return access.allows(Permission.PRODUCTS_MANAGE, product.ownerUnitId());
	}

	public boolean canManageAnywhere() {
		return access.allowsAnywhere(Permission.PRODUCTS_MANAGE);
	}

	/** The units the caller may register products for (its vendor units). */
	@Transactional(readOnly = true)
	public List<UnitRef> ownerUnits() {
		return units.within(access.scope(Permission.PRODUCTS_MANAGE));
	}

	/** For the edit form: the product, if the caller may change it. */
	@Transactional(readOnly = true)
	public Product productToManage(long id) {
		Product product = product(id);
		access.require(Permission.PRODUCTS_MANAGE, product.ownerUnitId());
		return product;
	}

	@Transactional
	public long register(ProductDraft draft) {
		if (!canManageAnywhere()) {
			throw new AccessDeniedException("missing PRODUCTS_MANAGE");
		}
		long vendorId = checked(draft, null);
		long id = products.insert(draft, vendorId, OffsetDateTime.now(ZoneOffset.UTC));
		standings.makersChanged(Set.of(vendorId));
		Product created = product(id);
		audit.record("product.create", "product", Long.toString(id), created.ownerUnitId(), null, created.draft());
		return id;
	}

	@Transactional
	public void update(long id, ProductDraft draft) {
		Product before = productToManage(id);
		long vendorId = checked(draft, id);
		products.update(id, draft, vendorId, OffsetDateTime.now(ZoneOffset.UTC));
		standings.makersChanged(Set.copyOf(List.of(before.vendorId(), vendorId)));
		audit.record("product.update", "product", Long.toString(id), draft.unitId(), before.draft(), product(id).draft());
	}

	@Transactional
	public void addFirmware(long id, String version, LocalDate releaseDate, boolean latest) {
		Product before = productToManage(id);
		List<Problem> problems = new ArrayList<>();
		if (version == null || version.isBlank() || version.strip().length() > VERSION_MAX) {
			problems.add(new Problem("version", "products.problem.version"));
		}
		else if (products.firmwareListed(id, version.strip())) {
			problems.add(new Problem("version", "products.problem.version-taken"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		products.insertFirmware(id, version.strip(), releaseDate, latest, OffsetDateTime.now(ZoneOffset.UTC));
		standings.makersChanged(Set.of(before.vendorId()));
		audit.record("product.firmware.add", "product", Long.toString(id), before.ownerUnitId(), before.firmware(),
				product(id).firmware());
	}

	@Transactional
	public void addCertificate(long id, Certificate certificate) {
		Product before = productToManage(id);
		List<Problem> problems = new ArrayList<>();
		if (certificate.catalogueCode() == null || catalogues.idOf(certificate.catalogueCode()).isEmpty()) {
			problems.add(new Problem("catalogueCode", "products.problem.catalogue"));
		}
		if (blank(certificate.number()) || certificate.number().length() > 100) {
			problems.add(new Problem("number", "products.problem.number"));
		}
		if (blank(certificate.issuedBy()) || certificate.issuedBy().length() > 300) {
			problems.add(new Problem("issuedBy", "products.problem.body"));
		}
		if (certificate.issuedOn() == null) {
			problems.add(new Problem("issuedOn", "products.problem.date"));
		}
		else if (certificate.expiresOn() != null && certificate.expiresOn().isBefore(certificate.issuedOn())) {
			problems.add(new Problem("expiresOn", "products.problem.expiry"));
		}
		if (problems.isEmpty() && products.certificateListed(id, certificate.catalogueCode(), certificate.number())) {
			problems.add(new Problem("number", "products.problem.certificate-taken"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		products.insertCertificate(id, certificate, OffsetDateTime.now(ZoneOffset.UTC));
		standings.makersChanged(Set.of(before.vendorId()));
		audit.record("product.certificate.add", "product", Long.toString(id), before.ownerUnitId(),
				before.certificates(), product(id).certificates());
	}

	/** Validates the draft, checks the caller may own products in its unit, and resolves the vendor. */
	private long checked(ProductDraft draft, Long id) {
		List<Problem> problems = new ArrayList<>(draft.problems());
		if (draft.unitId() != null) {
			access.require(Permission.PRODUCTS_MANAGE, draft.unitId());
		}
		Optional<VendorNames> vendor = Optional.empty();
		if (!blank(draft.vendor())) {
			vendor = matching().vendor(draft.vendor()).map(ProductMatching.VendorMatch::vendor);
			if (vendor.isEmpty()) {
				problems.add(new Problem("vendor", "products.problem.vendor-unknown"));
			}
		}
		if (problems.isEmpty() && products.modelTaken(vendor.get().id(), draft.model(), id)) {
			problems.add(new Problem("model", "products.problem.model-taken"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		return vendor.get().id();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
