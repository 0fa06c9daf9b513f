package vn.camguard.products.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.inventory.SiteDirectory;
import vn.camguard.inventory.SystemDirectory;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.products.domain.Assessment;
import vn.camguard.products.domain.Assessment.EvidenceEntry;
import vn.camguard.products.domain.Assessment.Result;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.ScanFile;
import vn.camguard.products.domain.ScanFile.ScanFileRefused;
import vn.camguard.products.domain.ScanMatching;
import vn.camguard.products.persistence.AssessmentRecords;
import vn.camguard.products.persistence.Catalogues;

/**
 * Assessments of a device, an information system or a site against the catalogue in force on the assessment
 * date. Whoever may change the subject's inventory ({@link Permission#INVENTORY_WRITE} on its unit)
 * opens one, answers items and imports scans; whoever reads the unit's inventory reads it. Items a
 * scan can verify are filled from the scanner's JSON Lines report: each finding and each clean check on
 * an assessed device becomes evidence on the items listing that check. Every change is audited.
 */
@Service
public class ProductAssessments {

	static final int NOTE_MAX = 2000;

	private final AssessmentRecords records;

	private final Catalogues catalogues;

	private final InventoryDevices devices;

	private final SystemDirectory systems;

	private final SiteDirectory sites;

	private final AccessControl access;

	private final AuditTrail audit;

	public ProductAssessments(AssessmentRecords records, Catalogues catalogues, InventoryDevices devices,
			SystemDirectory systems, SiteDirectory sites, AccessControl access, AuditTrail audit) {
		this.sites = sites;
		this.records = records;
		this.catalogues = catalogues;
		this.devices = devices;
		this.systems = systems;
		this.access = access;
		this.audit = audit;
	}

	/** An assessment with its catalogue, the score per group and the failed items. */
	public record View(Assessment assessment, Catalogue catalogue, List<Assessment.GroupScore> scores,
			List<CatalogueItem> failed, boolean canChange) {
	}

	@Transactional
	public long open(Assessment.Subject subject, long subjectId, Assessment.Kind kind, LocalDate assessedOn) {
		List<Problem> problems = new ArrayList<>();
		if (subject == null) {
			problems.add(new Problem("subject", "products.problem.subject"));
		}
		if (kind == null) {
			problems.add(new Problem("kind", "products.problem.assessment-kind"));
		}
		if (assessedOn == null) {
			problems.add(new Problem("assessedOn", "products.problem.date"));
		}
		if (!problems.isEmpty()) {
			throw new ProductRuleViolation(problems);
		}
		long unitId;
		String name;
		List<Long> assessed;
		if (subject == Assessment.Subject.SYSTEM) {
			SystemDirectory.SystemRef system = systems.readable(subjectId)
				.orElseThrow(() -> new NotFound("system " + subjectId));
			unitId = system.unitId();
			name = system.name();
			assessed = devices.allReadable()
				.stream()
				.filter(d -> Long.valueOf(subjectId).equals(d.systemId()))
				.map(DeviceFacts::id)
				.toList();
		}
		else if (subject == Assessment.Subject.SITE) {
			SiteDirectory.SiteRef site = sites.readable(subjectId).orElseThrow(() -> new NotFound("site " + subjectId));
			unitId = site.unitId();
			name = site.name();
			assessed = devices.allReadable()
				.stream()
				.filter(d -> Long.valueOf(subjectId).equals(d.siteId()))
				.map(DeviceFacts::id)
				.toList();
		}
		else {
			DeviceFacts device = devices.readable(subjectId).orElseThrow(() -> new NotFound("device " + subjectId));
			unitId = device.unitId();
			name = (device.vendor() + " " + (device.model() == null ? "" : device.model()) + " " + device.serial()).strip();
			assessed = List.of(device.id());
		}
		access.require(Permission.INVENTORY_WRITE, unitId);
		Catalogue catalogue = catalogues.all()
			.stream()
			.filter(c -> c.inForceOn(assessedOn))
			.max(Comparator.comparing(Catalogue::validFrom))
			.orElseThrow(() -> new ProductRuleViolation("assessedOn", "products.problem.no-catalogue"));
		long id = records.insert(unitId, subject, subjectId, name, kind, catalogue.code(), assessedOn, assessed,
				access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC));
		audit.record("assessment.open", "assessment", Long.toString(id), unitId, null, records.find(id).orElseThrow());
		return id;
	}

	@Transactional(readOnly = true)
	public View view(long id) {
		Assessment assessment = readable(id);
		Catalogue catalogue = catalogues.find(assessment.catalogueCode()).orElseThrow();
		return new View(assessment, catalogue, assessment.scores(catalogue), assessment.failed(catalogue),
				access.allows(Permission.INVENTORY_WRITE, assessment.unitId()));
	}

	/** The subject's assessments, oldest first, for the history side by side. */
	@Transactional(readOnly = true)
	public List<View> history(Assessment.Subject subject, long subjectId) {
		if (subject == Assessment.Subject.SYSTEM) {
			systems.readable(subjectId).orElseThrow(() -> new NotFound("system " + subjectId));
		}
		else if (subject == Assessment.Subject.SITE) {
			sites.readable(subjectId).orElseThrow(() -> new NotFound("site " + subjectId));
		}
		else {
			devices.readable(subjectId).orElseThrow(() -> new NotFound("device " + subjectId));
		}
		// the subject may have moved between units: an assessment stays its unit's, read by whoever reads that unit
		return records.ofSubject(subject, subjectId)
			.stream()
			.filter(id -> records.find(id).filter(a -> access.allows(Permission.INVENTORY_READ, a.unitId())).isPresent())
			.map(this::view)
			.toList();
	}

	/**
	 * The assessments of the same subject as this one, oldest first, that the caller may read; unlike
	 * {@link #history} it needs no longer the subject in the inventory (a deleted system keeps its reports).
	 */
	@Transactional(readOnly = true)
	public List<View> sameSubject(long id) {
		Assessment assessment = readable(id);
		return records.ofSubject(assessment.subjectKind(), assessment.subjectId())
			.stream()
			.filter(other -> records.find(other)
				.filter(a -> a.unitId() == assessment.unitId() || access.allows(Permission.INVENTORY_READ, a.unitId()))
				.isPresent())
			.map(this::view)
			.toList();
	}

	@Transactional
	public void answer(long id, long itemId, Result result, String note) {
		Assessment assessment = changeable(id);
		Catalogue catalogue = catalogues.find(assessment.catalogueCode()).orElseThrow();
		catalogue.item(itemId).orElseThrow(() -> new NotFound("item " + itemId));
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (result == null) {
			throw new ProductRuleViolation("result", "products.problem.result");
		}
		if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
			throw new ProductRuleViolation("note", "products.problem.note");
		}
		records.answer(id, itemId, result, cleanNote, access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC));
		audit.record("assessment.answer", "assessment", id + "/" + itemId, assessment.unitId(),
				assessment.answers().get(itemId), records.find(id).orElseThrow().answers().get(itemId));
	}

	/** What a scan import did. */
	public record Imported(int linesRead, int devicesMatched, int itemsFailed, int itemsPassed) {
	}

	/**
	 * Imports the scanner's JSON Lines report, each line matched to an assessed device by address, MAC
	 * or serial ({@link ScanMatching}). A file that is not one, that names none of the assessed devices
	 * or whose match is doubtful is refused whole ({@link ScanFileRefused}) and nothing is saved.
	 */
	@Transactional
	public Imported importScan(long id, String fileName, byte[] content) {
		Assessment assessment = changeable(id);
		List<ScanFile.Numbered> lines = ScanFile.numbered(content);
		List<DeviceFacts> assessed = new ArrayList<>();
		for (long deviceId : assessment.deviceIds()) {
			devices.readable(deviceId).ifPresent(assessed::add);
		}
		Map<DeviceFacts, ScanFile.Line> matched = new java.util.LinkedHashMap<>();
		Map<Long, ScanMatching.By> matchedBy = new java.util.LinkedHashMap<>();
		for (ScanMatching.Matched match : ScanMatching.match(lines, assessed)) {
			matched.put(match.device(), match.line().line());
			matchedBy.put(match.device().id(), match.by());
		}
		if (matched.isEmpty()) {
			throw new ScanFileRefused(0, "products.scan.refused.foreign");
		}
		Catalogue catalogue = catalogues.find(assessment.catalogueCode()).orElseThrow();
		String source = ("scan " + (fileName == null ? "" : fileName)).strip();
		source = source.length() > 300 ? source.substring(0, 300) : source;
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String actor = access.caller().username();
		int failed = 0;
		int passed = 0;
		for (CatalogueItem item : catalogue.items()) {
			if (!item.scanVerifiable()) {
				continue;
			}
			List<String> failures = new ArrayList<>();
			for (Map.Entry<DeviceFacts, ScanFile.Line> entry : matched.entrySet()) {
				for (String check : item.scannerChecks()) {
					Optional<ScanFile.Finding> finding = entry.getValue()
						.findings()
						.stream()
						.filter(f -> f.checkId().equals(check))
						.findFirst();
					String detail = finding.map(ProductAssessments::describe).orElse(check + ": no finding");
					records.evidence(id, new EvidenceEntry(item.id(), entry.getKey().id(), entry.getValue().address(), check,
							finding.isPresent() ? "FINDING" : "CLEAN", cut(detail, NOTE_MAX), source, now));
					finding.ifPresent(f -> failures.add(check + " " + entry.getValue().address()));
				}
			}
			Result result = failures.isEmpty() ? Result.PASS : Result.FAIL;
			String note = failures.isEmpty() ? source : source + ": " + String.join(", ", failures);
			records.answer(id, item.id(), result, cut(note, NOTE_MAX), actor, now);
			if (failures.isEmpty()) {
				passed++;
			}
			else {
				failed++;
			}
		}
		Imported imported = new Imported(lines.size(), matched.size(), failed, passed);
		audit.record("assessment.scan.import", "assessment", Long.toString(id), assessment.unitId(), null,
				new ScanImportRecord(fileName, imported, matchedBy));
		return imported;
	}

	/** @param devices the matched devices, each with the key it was matched by */
	record ScanImportRecord(String fileName, Imported imported, Map<Long, ScanMatching.By> devices) {
	}

	private static String describe(ScanFile.Finding finding) {
		String evidence = finding.evidence() == null ? ""
				: finding.evidence()
					.stream()
					.map(e -> e.source() + ": " + e.detail())
					.collect(Collectors.joining("; "));
		return finding.checkId() + " (" + finding.severity() + "): " + finding.title()
				+ (evidence.isEmpty() ? "" : " — " + evidence);
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** The assessment if the caller reads its unit's inventory; otherwise it does not exist for the caller. */
	private Assessment readable(long id) {
		Assessment assessment = records.find(id).orElseThrow(() -> new NotFound("assessment " + id));
		if (!access.allows(Permission.INVENTORY_READ, assessment.unitId())) {
			throw new NotFound("assessment " + id);
		}
		return assessment;
	}

	private Assessment changeable(long id) {
		Assessment assessment = readable(id);
		access.require(Permission.INVENTORY_WRITE, assessment.unitId());
		return assessment;
	}

}
