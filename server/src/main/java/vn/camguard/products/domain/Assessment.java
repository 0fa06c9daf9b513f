package vn.camguard.products.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An assessment of a device, an information system or a site against one catalogue (the one in force on the
 * assessment date, kept for good), with an answer per item and the evidence behind the answers.
 */
public record Assessment(long id, long unitId, Subject subjectKind, long subjectId, String subjectName, Kind kind,
		String catalogueCode, LocalDate assessedOn, List<Long> deviceIds, String createdBy, OffsetDateTime createdAt,
		Map<Long, Answer> answers, List<EvidenceEntry> evidence) {

	public Assessment {
		deviceIds = List.copyOf(deviceIds);
		answers = Map.copyOf(answers);
		evidence = List.copyOf(evidence);
	}

	public enum Subject {
		DEVICE, SYSTEM, SITE
	}

	public enum Kind {
		PROCUREMENT, PERIODIC, AD_HOC
	}

	public enum Result {
		PASS, FAIL, NOT_APPLICABLE, CANNOT_VERIFY
	}

	/** An item's answer: by the assessor (with a note naming the document) or by a scan import. */
	public record Answer(long itemId, Result result, String note, String answeredBy, OffsetDateTime answeredAt) {
	}

	/** What a scan said about an item on one device. */
	public record EvidenceEntry(long itemId, Long deviceId, String address, String checkId, String outcome,
			String detail, String source, OffsetDateTime createdAt) {

		public boolean finding() {
			return "FINDING".equals(outcome);
		}

	}

	public Result result(long itemId) {
		Answer answer = answers.get(itemId);
		return answer == null ? Result.CANNOT_VERIFY : answer.result();
	}

	public List<EvidenceEntry> evidence(long itemId) {
		return evidence.stream().filter(e -> e.itemId() == itemId).toList();
	}

	/**
	 * A group's score: items passed out of those that apply (not-applicable items do not count; an item
	 * that cannot be verified counts against, since nothing shows it is met).
	 */
	public record GroupScore(CatalogueGroup group, int passed, int failed, int notApplicable, int cannotVerify) {

		public int applicable() {
			return passed + failed + cannotVerify;
		}

		/** Percent passed of the applicable items, or -1 when none applies. */
		public int percent() {
			return applicable() == 0 ? -1 : Math.round(100f * passed / applicable());
		}

	}

	public List<GroupScore> scores(Catalogue catalogue) {
		List<GroupScore> scores = new ArrayList<>();
		for (CatalogueGroup group : catalogue.groups()) {
			int[] counts = new int[Result.values().length];
			group.items().forEach(item -> counts[result(item.id()).ordinal()]++);
			scores.add(new GroupScore(group, counts[Result.PASS.ordinal()], counts[Result.FAIL.ordinal()],
					counts[Result.NOT_APPLICABLE.ordinal()], counts[Result.CANNOT_VERIFY.ordinal()]));
		}
		return scores;
	}

	/** The failed items, in catalogue order: the requirement says what to fix, the findings say where. */
	public List<CatalogueItem> failed(Catalogue catalogue) {
		return catalogue.items().stream().filter(item -> result(item.id()) == Result.FAIL).toList();
	}

}
