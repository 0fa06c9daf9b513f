package vn.camguard.products.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.domain.CatalogueMapping;
import vn.camguard.products.domain.ItemCorrection;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.persistence.Catalogues;

/**
 * The requirement catalogues: read by every signed-in user (they are public regulations), corrected
 * item by item by holders of {@link Permission#CATALOGUES_MANAGE}, each correction audited with the
 * item before and after.
 */
@Service
public class RequirementCatalogues {

	private final Catalogues catalogues;

	private final AccessControl access;

	private final AuditTrail audit;

	public RequirementCatalogues(Catalogues catalogues, AccessControl access, AuditTrail audit) {
		this.catalogues = catalogues;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Catalogue> all() {
		return catalogues.all();
	}

	@Transactional(readOnly = true)
	public Catalogue catalogue(String code) {
		return catalogues.find(code).orElseThrow(() -> new NotFound("catalogue " + code));
	}

	@Transactional(readOnly = true)
	public CatalogueMapping mapping(String from, String to) {
		return CatalogueMapping.between(catalogue(from), catalogue(to));
	}

	public boolean canCorrect() {
		return access.allowsAnywhere(Permission.CATALOGUES_MANAGE);
	}

	@Transactional(readOnly = true)
	public CatalogueItem itemToCorrect(String code, long itemId) {
		requireCorrect();
		return catalogue(code).item(itemId).orElseThrow(() -> new NotFound("item " + itemId));
	}

	@Transactional
	public CatalogueItem correct(String code, long itemId, ItemCorrection correction) {
		requireCorrect();
		CatalogueItem before = catalogue(code).item(itemId).orElseThrow(() -> new NotFound("item " + itemId));
		if (!correction.problems().isEmpty()) {
			throw new ProductRuleViolation(correction.problems());
		}
		catalogues.updateItem(itemId, correction, access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC));
		CatalogueItem after = catalogue(code).item(itemId).orElseThrow();
		audit.record("catalogue.item.correct", "catalogue_item", code + "/" + before.code(), null, before, after);
		return after;
	}

	private void requireCorrect() {
		if (!canCorrect()) {
			throw new AccessDeniedException("missing CATALOGUES_MANAGE");
		}
	}

}
