package vn.camguard.organization.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.unit.Unit;
import vn.camguard.organization.unit.UnitAdministration;
import vn.camguard.organization.unit.UnitDraft;
import vn.camguard.organization.unit.UnitImportFile;
import vn.camguard.organization.unit.UnitMerge;
import vn.camguard.organization.unit.UnitNode;
import vn.camguard.organization.unit.UnitProblem;
import vn.camguard.organization.unit.UnitRuleViolation;
import vn.camguard.shared.spreadsheet.UploadLimits;

/** REST for the unit tree; same service, same checks as the pages. Rule violations answer 422. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "The province's unit tree")
class UnitApiController {

	private final UnitAdministration units;

	private final UnitMerge merge;

	private final UploadLimits uploadLimits;

	private final String provinceCode;

	UnitApiController(UnitAdministration units, UnitMerge merge, UploadLimits uploadLimits,
			@Value("${camguard.province.code:TN}") String provinceCode) {
		this.units = units;
		this.merge = merge;
		this.uploadLimits = uploadLimits;
		this.provinceCode = provinceCode;
	}

	/**
	 * A unit with its depth in the returned tree.
	 *
	 * @param mergedIntoId the unit it was merged into (then it is closed), else null
	 * @param mergedOn the date of that merge, else null
	 */
	record UnitView(long id, String code, String name, String kind, Long parentId, boolean active, int depth,
			Long mergedIntoId, LocalDate mergedOn) {

		static UnitView of(UnitNode node) {
			return of(node.unit(), node.depth());
		}

		static UnitView of(Unit unit, int depth) {
			UnitRef ref = unit.ref();
			return new UnitView(ref.id(), ref.code(), ref.name(), ref.kind(), ref.parentId(), ref.active(), depth,
					unit.mergedIntoId(), unit.mergedOn());
		}

	}

	record MergeInto(Long targetId) {
	}

	/** A row that stops a merge: its table and what clashes. */
	record Conflict(String table, String value) {
	}

	/** What a merge would move, per table, and what stops it. */
	record MergePreviewView(long sourceId, long targetId, Map<String, Long> counts, List<Conflict> conflicts) {
	}

	/** A merge done: the closed unit, where it went, on which day, and the rows moved per table. */
	record MergeView(UnitView merged, UnitView target, LocalDate mergedOn, Map<String, Long> moved) {
	}

	record Rename(String name) {
	}

	record Move(Long parentId) {
	}

	@GetMapping
	@Operation(summary = "Units the caller may see, in tree order; with asOf (yyyy-MM-dd) the tree as it stood at "
			+ "the end of that day (parents of then, today's names, the caller's scope of today)")
	List<UnitView> list(@RequestParam(required = false) String asOf) {
		List<UnitNode> tree = units.tree();
		if (tree.isEmpty()) {
			throw new AccessDeniedException("no unit in scope");
		}
		if (asOf != null && !asOf.isBlank()) {
			try {
				tree = units.treeAsOf(LocalDate.parse(asOf.strip()));
			}
			catch (DateTimeParseException ex) {
				throw new UnitRuleViolation(new UnitProblem(0, "asOf", "as-of-date", asOf));
			}
		}
		return tree.stream().map(UnitView::of).toList();
	}

	@GetMapping("/{id}/merge-preview")
	@Operation(summary = "What merging the unit into the target would move (counts per table) and what stops it; "
			+ "changes nothing")
	MergePreviewView mergePreview(@PathVariable long id, @RequestParam long targetId) {
		UnitMerge.MergePreview preview = merge.preview(id, targetId);
		return new MergePreviewView(id, targetId, preview.counts(),
				preview.conflicts().stream().map(c -> new Conflict(c.table(), c.value())).toList());
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merge the unit into the target in one step: sub-units, systems, sites, devices, users, "
			+ "grants, dossiers and all it owns move; the unit is closed and kept. The caller manages both units.")
	MergeView merge(@PathVariable long id, @RequestBody MergeInto into) {
		if (into.targetId() == null) {
			throw new UnitRuleViolation(new UnitProblem(0, "targetId", "merge-choose", null));
		}
		UnitMerge.MergeResult result = merge.merge(id, into.targetId());
		return new MergeView(UnitView.of(result.source(), 0), UnitView.of(result.target(), 0), result.mergedOn(),
				result.moved());
	}

	@GetMapping("/{id}")
	UnitView get(@PathVariable long id) {
		return UnitView.of(units.get(id), 0);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a unit under a parent the caller manages")
	UnitView create(@RequestBody UnitDraft draft) {
		return UnitView.of(units.create(draft), 0);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a unit")
	UnitView rename(@PathVariable long id, @RequestBody Rename rename) {
		return UnitView.of(units.rename(id, rename.name()), 0);
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move a unit (and its subtree) under another parent; cycles are refused")
	UnitView move(@PathVariable long id, @RequestBody Move move) {
		return UnitView.of(units.move(id, move.parentId() == null ? -1 : move.parentId()), 0);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate a unit without active children")
	UnitView deactivate(@PathVariable long id) {
		return UnitView.of(units.deactivate(id), 0);
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate a deactivated unit whose parent is active")
	UnitView reactivate(@PathVariable long id) {
		return UnitView.of(units.reactivate(id), 0);
	}

	@GetMapping("/import-template")
	@Operation(summary = "The unit import template (format=csv or xlsx)")
	void importTemplate(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
			throws IOException {
		if (units.manageable().isEmpty()) {
			throw new AccessDeniedException("UNITS_MANAGE needed");
		}
		UnitController.sendTemplate(format, provinceCode, response);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import units from CSV or XLSX (code,name,kind,parent_code); all rows or none")
	List<UnitView> importFile(@RequestParam("file") MultipartFile file) throws IOException {
		if (units.manageable().isEmpty()) {
			throw new AccessDeniedException("UNITS_MANAGE needed");
		}
		if (file.isEmpty() || file.getSize() > UnitController.MAX_IMPORT_BYTES) {
			throw new UnitRuleViolation(new UnitProblem(0, "file", file.isEmpty() ? "empty" : "too-big", null));
		}
		return units.importUnits(UnitImportFile.read(file.getOriginalFilename(), file.getInputStream(), uploadLimits))
			.stream()
			.map(unit -> UnitView.of(unit, 0))
			.toList();
	}

}
