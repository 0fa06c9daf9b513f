package vn.camguard.levels.application;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.UnitRegulation;
import vn.camguard.levels.persistence.RegulationStore;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Each unit's internal security regulation (quy chế, Directive 23 §1đ): the unit (inventory write)
 * records it with its document, checked by content and kept like dossier files; readers of the unit
 * see it and download the document; a unit's readers see which units of its subtree have none, or one
 * that does not cover surveillance cameras. Every record is audited.
 */
@Service
public class UnitRegulations {

	public static final int PAGE_SIZE = 200;

	private final RegulationStore store;

	private final AttachmentStorage files;

	private final CampaignProgress progress;

	private final AccessControl access;

	private final AuditTrail audit;

	public UnitRegulations(RegulationStore store, AttachmentStorage files, CampaignProgress progress,
			AccessControl access, AuditTrail audit) {
		this.store = store;
		this.files = files;
		this.progress = progress;
		this.access = access;
		this.audit = audit;
	}

	/** A regulation as entered in the form. */
	public record RegulationInput(String documentNumber, LocalDate issuedOn, boolean coversCameras,
			String cameraClause) {

		public RegulationInput {
			documentNumber = CampaignCatalogue.clean(documentNumber);
			cameraClause = CampaignCatalogue.clean(cameraClause);
		}

	}

	/** A unit's regulations, the one in force first, and whether the caller may record a new one. */
	public record UnitView(UnitRef unit, List<UnitRegulation> regulations, boolean canRecord) {

		public UnitRegulation inForce() {
			return regulations.isEmpty() ? null : regulations.getFirst();
		}

	}

	/** One page of the units of a subtree with their regulation in force. */
	public record UnitList(UnitRef unit, boolean onlyLacking, long total, long lacking, int page, int pageCount,
			List<RegulationStore.UnitLine> lines) {
	}

	@Transactional(readOnly = true)
	public UnitView view(long unitId) {
		UnitRef unit = progress.unit(unitId);
		return new UnitView(unit, store.ofUnit(unit.id()), access.allows(Permission.INVENTORY_WRITE, unit.id()));
	}

	@Transactional(readOnly = true)
	public UnitList list(Long unitId, boolean onlyLacking, int page) {
		UnitRef unit = progress.unit(unitId);
		long total = store.count(unit.id(), false);
		long lacking = store.count(unit.id(), true);
		long shown = onlyLacking ? lacking : total;
		int pages = (int) Math.max(1, (shown + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		return new UnitList(unit, onlyLacking, total, lacking, current, pages,
				store.lines(unit.id(), onlyLacking, PAGE_SIZE, (long) (current - 1) * PAGE_SIZE));
	}

	/** Every unit of the list, for an export. */
	@Transactional(readOnly = true)
	public List<RegulationStore.UnitLine> all(Long unitId, boolean onlyLacking) {
		return store.lines(progress.unit(unitId).id(), onlyLacking, CampaignProgress.EXPORT_LIMIT, 0);
	}

	/** Records the unit's regulation in force, with its document (required). */
	@Transactional
	public UnitRegulation record(long unitId, RegulationInput input, String fileName, InputStream document) {
		UnitView view = view(unitId);
		if (!view.canRecord()) {
			throw new AccessDeniedException("missing INVENTORY_WRITE on unit " + unitId);
		}
		List<String> problems = new ArrayList<>();
		if (input.issuedOn() == null) {
			problems.add("levels.problem.regulation-date");
		}
		else if (input.issuedOn().isAfter(progress.today())) {
			problems.add("levels.problem.regulation-future");
		}
		if (input.coversCameras() && input.cameraClause() == null) {
			problems.add("levels.problem.regulation-clause");
		}
		if ((input.documentNumber() != null && input.documentNumber().length() > 100)
				|| (input.cameraClause() != null && input.cameraClause().length() > 1000)) {
			problems.add("levels.problem.text-too-long");
		}
		if (document == null) {
			problems.add("levels.problem.regulation-document");
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		AttachmentStorage.Stored stored = files.store(document);
		try {
			UnitRegulation regulation = new UnitRegulation(0, unitId, input.documentNumber(), input.issuedOn(),
					input.coversCameras(), input.coversCameras() ? input.cameraClause() : null,
					LevelDossiers.downloadName(fileName, stored), stored.type(), stored.size(), stored.sha256(),
					stored.storageKey(), access.caller().username(), OffsetDateTime.now(ZoneOffset.UTC));
			long id = store.insert(regulation);
			UnitRegulation before = view.inForce();
			audit.record("level.regulation.record", "level-unit-regulation", Long.toString(id), unitId,
					before == null ? null : state(before), state(regulation));
			return store.find(id).orElseThrow();
		}
		catch (RuntimeException failed) {
			files.discard(stored.storageKey());
			throw failed;
		}
	}

	/** A regulation document of a unit the caller reads, checked against its checksum. */
	@Transactional(readOnly = true)
	public StoredFile document(long unitId, long regulationId) {
		UnitRef unit = progress.unit(unitId);
		UnitRegulation regulation = store.find(regulationId)
			.filter(r -> r.unitId() == unit.id())
			.orElseThrow(() -> new LevelsNotFound("regulation", regulationId));
		return new StoredFile(regulation.fileName(), regulation.type().mediaType(),
				files.read(regulation.storageKey(), regulation.sha256()));
	}

	private static Map<String, Object> state(UnitRegulation regulation) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("documentNumber", regulation.documentNumber());
		values.put("issuedOn", String.valueOf(regulation.issuedOn()));
		values.put("coversCameras", regulation.coversCameras());
		values.put("cameraClause", regulation.cameraClause());
		values.put("file", regulation.fileName());
		values.put("sha256", regulation.sha256());
		return values;
	}

}
