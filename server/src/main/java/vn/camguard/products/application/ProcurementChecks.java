package vn.camguard.products.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;
import vn.camguard.products.domain.ProcurementCheck;
import vn.camguard.products.domain.ProcurementCheck.Answers;
import vn.camguard.products.domain.ProcurementCheck.Recognised;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.persistence.Catalogues;
import vn.camguard.products.persistence.ProcurementCheckRecords;
import vn.camguard.products.persistence.Products;
import vn.camguard.products.persistence.Warnings;
import vn.camguard.shared.document.OfficialDocument;

/**
 * Procurement checks. An officer who may change a unit's inventory ({@link Permission#INVENTORY_WRITE}) checks a
 * model and firmware before the unit buys it; the check belongs to that unit and is read by whoever reads the unit's
 * inventory, and by market inspectors ({@link Permission#PROCUREMENT_READ}) in the whole province, as the purchase
 * file's record (a PDF in the official-document layout). Typed vendors and models are
 * recognised as tolerantly as inventoried devices are; the warnings considered are those of the unit's province.
 */
@Service
public class ProcurementChecks {

	static final int TEXT_MAX = 200;

	static final int FIRMWARE_MAX = 100;

	static final int LISTED = 500;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ProcurementCheckRecords records;

	private final Products products;

	private final Catalogues catalogues;

	private final Warnings warnings;

	private final KnownCves cves;

	private final UnitDirectory units;

	private final AccessControl access;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final ZoneId zone;

	private final String province;

	ProcurementChecks(ProcurementCheckRecords records, Products products, Catalogues catalogues, Warnings warnings,
			KnownCves cves, UnitDirectory units, AccessControl access, AuditTrail audit, MessageSource messages,
			Clock provinceClock,
			@Value("${camguard.province.name:}") String province) {
		this.records = records;
		this.products = products;
		this.catalogues = catalogues;
		this.warnings = warnings;
		this.cves = cves;
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.messages = messages;
		this.zone = provinceClock.getZone();
		this.province = province;
	}

	/** What the officer asks: a product chosen from the registry, or a vendor and model as typed. */
	public record Question(Long unitId, Long productId, String vendor, String model, String firmware,
			LocalDate purchaseDate) {
	}

	/** The units the caller may check purchases for. */
	@Transactional(readOnly = true)
	public List<UnitRef> units() {
		return units.within(access.scope(Permission.INVENTORY_WRITE));
	}

	public boolean canCheck() {
		return access.allowsAnywhere(Permission.INVENTORY_WRITE);
	}

	/** Answers the question, records it for the unit and returns the check's id. */
	@Transactional
	public long check(Question question) {
		List<Problem> problems = new ArrayList<>();
		if (question.unitId() == null) {
			problems.add(new Problem("unitId", "products.procurement.problem.unit"));
		}
		else {
			access.require(Permission.INVENTORY_WRITE, question.unitId());
		}
		Optional<Product> chosen = Optional.empty();
		if (question.productId() != null) {
			chosen = products.find(question.productId());
			if (chosen.isEmpty()) {
				problems.add(new Problem("productId", "products.procurement.problem.product"));
			}
		}
		String vendor = chosen.map(Product::vendorName).orElse(strip(question.vendor()));
		String model = chosen.map(Product::model).orElse(strip(question.model()));
		String firmware = strip(question.firmware());
		if (vendor == null || vendor.length() > TEXT_MAX) {
			problems.add(new Problem("vendor", "products.procurement.problem.vendor"));
		}
		if (model == null || model.length() > TEXT_MAX) {
			problems.add(new Problem("model", "products.procurement.problem.model"));
		}
		if (firmware != null && firmware.length() > FIRMWARE_MAX) {
			problems.add(new Problem("firmware", "products.procurement.problem.firmware"));
		}
		if (question.purchaseDate() == null) {
			problems.add(new Problem("purchaseDate", "products.procurement.problem.date"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		UnitRef unit = units.find(question.unitId()).orElseThrow(() -> new NotFound("unit " + question.unitId()));
		List<VendorNames> vendors = products.vendors();
		ProductMatching matching = new ProductMatching(vendors, products.candidates());
		Optional<Recognised> recognised = chosen.isPresent() ? chosen.map(p -> new Recognised(p, "CHOSEN", false))
				: matching.match(vendor, model)
					.flatMap(match -> products.find(match.productId())
						.map(p -> new Recognised(p, match.how().name(), match.byAlias())));
		Optional<VendorNames> maker = recognised.isPresent()
				? vendors.stream().filter(v -> v.id() == recognised.get().product().vendorId()).findFirst()
				: matching.vendor(vendor).map(ProductMatching.VendorMatch::vendor);
		String warnedVendor = recognised.map(r -> r.product().vendorName()).orElse(vendor);
		String warnedModel = recognised.map(r -> r.product().model()).orElse(model);
		List<Warning> reaching = warnings.reaching(unit.id())
			.stream()
			.filter(w -> w.reaches(vendors, warnedVendor, warnedModel, firmware))
			.toList();
		Answers answers = ProcurementCheck.answer(model, firmware, question.purchaseDate(), recognised,
				catalogues.all(), reaching, vendors, maker, cves.all());
		long id = records.insert(unit.id(), unit.name(), access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC),
				question.purchaseDate(), vendor, model, firmware, answers);
		audit.record("procurement.check", "procurement_check", Long.toString(id), unit.id(), null,
				records.find(id).orElseThrow());
		return id;
	}

	/**
	 * The check, if the caller reads its unit's inventory or reads the procurement checks of its unit's province;
	 * otherwise it does not exist for the caller.
	 */
	@Transactional(readOnly = true)
	public ProcurementCheck find(long id) {
		ProcurementCheck check = records.find(id).orElseThrow(() -> new NotFound("procurement check " + id));
		if (!access.allows(Permission.INVENTORY_READ, check.unitId())
				&& !provinces(Permission.PROCUREMENT_READ).contains(root(check.unitId()))) {
			throw new NotFound("procurement check " + id);
		}
		return check;
	}

	/**
	 * The newest checks of the units whose inventory the caller reads, and of every unit of the provinces whose
	 * procurement checks the caller reads (a market inspector's).
	 */
	@Transactional(readOnly = true)
	public List<ProcurementCheck> list() {
		Set<Long> roots = new HashSet<>(access.scope(Permission.INVENTORY_READ).rootUnitIds());
		roots.addAll(provinces(Permission.PROCUREMENT_READ));
		return records.within(new UnitScope(roots), LISTED);
	}

	/** The provinces (tree roots) in which the caller holds the permission somewhere. */
	private Set<Long> provinces(Permission permission) {
		Set<Long> roots = new HashSet<>();
		for (long unitId : access.scope(permission).rootUnitIds()) {
			roots.add(root(unitId));
		}
		return roots;
	}

	private long root(long unitId) {
		long root = unitId;
		Optional<UnitRef> unit = units.find(unitId);
		while (unit.isPresent()) {
			root = unit.get().id();
			unit = unit.get().parentId() == null ? Optional.empty() : units.find(unit.get().parentId());
		}
		return root;
	}

	/** The check's record for the purchase file, in the official-document layout; the download is audited. */
	@Transactional
	public byte[] pdf(long id, Locale locale) {
		ProcurementCheck check = find(id);
		byte[] pdf = document(check, locale).toPdf();
		audit.record("procurement.check.pdf", "procurement_check", Long.toString(id), check.unitId(), null, null);
		return pdf;
	}

	OfficialDocument document(ProcurementCheck check, Locale locale) {
		String language = locale.getLanguage();
		Answers a = check.answers();
		List<OfficialDocument.Block> body = new ArrayList<>();
		body.add(new OfficialDocument.Text(text(locale, "products.procurement.pdf.intro", check.unitName(),
				check.officer(), DAY.format(check.checkedAt().atZoneSameInstant(zone)), DAY.format(check.purchaseDate()))));
		List<List<String>> inputs = List.of(
				List.of(text(locale, "products.procurement.vendor"), check.vendor()),
				List.of(text(locale, "products.procurement.model"), check.model()),
				List.of(text(locale, "products.procurement.firmware"), check.firmware() == null ? "—" : check.firmware()),
				List.of(text(locale, "products.procurement.purchase-date"), DAY.format(check.purchaseDate())));
		body.add(new OfficialDocument.Table(
				List.of(text(locale, "products.procurement.pdf.asked"), text(locale, "products.procurement.pdf.value")),
				inputs, new float[] { 35, 65 }));
		List<List<String>> answers = new ArrayList<>();
		answers.add(List.of(text(locale, "products.procurement.product"), productText(a, locale), a.product().source()));
		answers.add(List.of(text(locale, "products.procurement.certification"), certificationText(a, locale, language),
				a.certification().source()));
		answers.add(List.of(text(locale, "products.procurement.warnings"), warningsText(a, locale), a.warnings()
			.stream()
			.map(ProcurementCheck.WarningAnswer::source)
			.reduce((x, y) -> x + "; " + y)
			.orElse(text(locale, "products.procurement.source.warnings"))));
		answers.add(List.of(text(locale, "products.procurement.cves"), cvesText(a, locale),
				a.cves().stream().map(c -> c.cve() + ": " + c.source()).reduce((x, y) -> x + "\n" + y)
					.orElse(text(locale, "products.procurement.source.cves"))));
		answers.add(List.of(text(locale, "products.procurement.firmware-answer"), firmwareText(a, locale),
				a.firmware().source()));
		body.add(new OfficialDocument.Table(List.of(text(locale, "products.procurement.pdf.question"),
				text(locale, "products.procurement.pdf.answer"), text(locale, "products.procurement.pdf.source")),
				answers, new float[] { 22, 45, 33 }));
		body.add(new OfficialDocument.Text(text(locale, "products.procurement.pdf.note")));
		return new OfficialDocument(province.isBlank() ? null : province, check.unitName(),
				text(locale, "products.procurement.pdf.number", Long.toString(check.id())),
				text(locale, "products.procurement.pdf.subject"),
				OfficialDocument.placeAndDate(province.replaceFirst("^(Tỉnh|Thành phố)\\s+", ""),
						check.checkedAt().atZoneSameInstant(zone).toLocalDate()),
				text(locale, "products.procurement.pdf.title"), null, null, body,
				text(locale, "products.procurement.pdf.recipients"),
				List.of(text(locale, "products.procurement.pdf.recipient.file")),
				new OfficialDocument.Signature(null, text(locale, "products.procurement.pdf.signature"), null));
	}

	public String productText(Answers a, Locale locale) {
		if (a.product().productId() == null) {
			return text(locale, "products.procurement.product.none");
		}
		return text(locale, "products.procurement.product." + a.product().how(), a.product().vendor(),
				a.product().model());
	}

	public String certificationText(Answers a, Locale locale, String language) {
		ProcurementCheck.CertificationAnswer c = a.certification();
		return text(locale, "products.procurement.certification." + c.status(),
				c.catalogueCode() == null ? "" : c.catalogueTitle(language), c.certificateCatalogue(), c.number(),
				c.issuedBy(), c.issuedOn() == null ? "" : DAY.format(c.issuedOn()),
				c.expiresOn() == null ? text(locale, "products.procurement.no-expiry") : DAY.format(c.expiresOn()));
	}

	public String warningsText(Answers a, Locale locale) {
		if (a.warnings().isEmpty()) {
			return text(locale, "products.procurement.not-warned");
		}
		return a.warnings()
			.stream()
			.map(w -> text(locale, "products.procurement.warning", w.authority(), DAY.format(w.issuedOn()), w.reference(),
					w.severity().name(), w.reason(), range(w)))
			.reduce((x, y) -> x + "\n" + y)
			.orElseThrow();
	}

	public String cvesText(Answers a, Locale locale) {
		if (a.cves().isEmpty()) {
			return text(locale, "products.procurement.no-cves");
		}
		return a.cves()
			.stream()
			.map(c -> text(locale, "products.procurement.cve", c.cve(), c.pattern(), c.affectedVersions(),
					c.fixedVersion(), c.cvss()))
			.reduce((x, y) -> x + "\n" + y)
			.orElseThrow();
	}

	public String firmwareText(Answers a, Locale locale) {
		ProcurementCheck.FirmwareAnswer f = a.firmware();
		return text(locale, "products.procurement.firmware." + f.status(), f.asked(), f.latest(),
				f.latestReleased() == null ? "" : DAY.format(f.latestReleased()));
	}

	private static String range(ProcurementCheck.WarningAnswer w) {
		if (w.firmwareFrom() == null && w.firmwareTo() == null) {
			return "*";
		}
		return (w.firmwareFrom() == null ? "" : w.firmwareFrom()) + " – " + (w.firmwareTo() == null ? "" : w.firmwareTo());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
