package vn.camguard.products.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.products.domain.Assessment;
import vn.camguard.products.domain.Assessment.Answer;
import vn.camguard.products.domain.Assessment.EvidenceEntry;
import vn.camguard.products.domain.Assessment.Result;

/** The assessment tables: assessments, their answers per item and the scan evidence. */
@Repository
public class AssessmentRecords {

	private final JdbcClient jdbc;

	public AssessmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long unitId, Assessment.Subject subject, long subjectId, String subjectName, Assessment.Kind kind,
			String catalogueCode, LocalDate assessedOn, List<Long> deviceIds, String actor, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO product_assessment (unit_id, subject_kind, subject_id, subject_name, kind, catalogue_code,
				  assessed_on, device_ids, created_by, created_at)
				VALUES (:unit, :subject, :subjectId, :name, :kind, :catalogue, :on, :devices, :actor, :now)""")
			.param("unit", unitId)
			.param("subject", subject.name())
			.param("subjectId", subjectId)
			.param("name", subjectName)
			.param("kind", kind.name())
			.param("catalogue", catalogueCode)
			.param("on", assessedOn)
			.param("devices", deviceIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("actor", actor)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Assessment> find(long id) {
		Map<Long, Answer> answers = new HashMap<>();
		jdbc.sql("SELECT * FROM product_assessment_answer WHERE assessment_id = :id")
			.param("id", id)
			.query((rs, row) -> answers.put(rs.getLong("item_id"), new Answer(rs.getLong("item_id"),
					Result.valueOf(rs.getString("result")), rs.getString("note"), rs.getString("answered_by"),
					rs.getObject("answered_at", OffsetDateTime.class))))
			.list();
		List<EvidenceEntry> evidence = jdbc.sql("SELECT * FROM product_assessment_evidence WHERE assessment_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, row) -> new EvidenceEntry(rs.getLong("item_id"), (Long) rs.getObject("device_id", Long.class),
					rs.getString("address"), rs.getString("check_id"), rs.getString("outcome"), rs.getString("detail"),
					rs.getString("source"), rs.getObject("created_at", OffsetDateTime.class)))
			.list();
		return jdbc.sql("SELECT * FROM product_assessment WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Assessment(rs.getLong("id"), rs.getLong("unit_id"),
					Assessment.Subject.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
					rs.getString("subject_name"), Assessment.Kind.valueOf(rs.getString("kind")),
					rs.getString("catalogue_code"), rs.getObject("assessed_on", LocalDate.class),
					ids(rs.getString("device_ids")), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class), answers, evidence))
			.optional();
	}

	/** The assessments of a subject, oldest first (the history side by side). */
	public List<Long> ofSubject(Assessment.Subject subject, long subjectId) {
		return jdbc.sql("""
				SELECT id FROM product_assessment WHERE subject_kind = :s AND subject_id = :id
				ORDER BY assessed_on, id""")
			.param("s", subject.name())
			.param("id", subjectId)
			.query(Long.class)
			.list();
	}

	/** The date of each system's last periodic assessment, for those systems that had one. */
	public Map<Long, LocalDate> lastPeriodic(Collection<Long> systemIds) {
		if (systemIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, LocalDate> last = new HashMap<>();
		jdbc.sql("""
				SELECT subject_id, MAX(assessed_on) AS last_on FROM product_assessment
				WHERE subject_kind = 'SYSTEM' AND kind = 'PERIODIC' AND subject_id IN (:ids)
				GROUP BY subject_id""")
			.param("ids", systemIds)
			.query((rs, row) -> last.put(rs.getLong("subject_id"), rs.getObject("last_on", LocalDate.class)))
			.list();
		return last;
	}

	public void answer(long assessmentId, long itemId, Result result, String note, String actor, OffsetDateTime now) {
		jdbc.sql("DELETE FROM product_assessment_answer WHERE assessment_id = :a AND item_id = :i")
			.param("a", assessmentId)
			.param("i", itemId)
			.update();
		jdbc.sql("""
				INSERT INTO product_assessment_answer (assessment_id, item_id, result, note, answered_by, answered_at)
				VALUES (:a, :i, :result, :note, :actor, :now)""")
			.param("a", assessmentId)
			.param("i", itemId)
			.param("result", result.name())
			.param("note", note)
			.param("actor", actor)
			.param("now", now)
			.update();
	}

	public void evidence(long assessmentId, EvidenceEntry entry) {
		jdbc.sql("""
				INSERT INTO product_assessment_evidence (assessment_id, item_id, device_id, address, check_id, outcome,
				  detail, source, created_at)
				VALUES (:a, :i, :d, :address, :check, :outcome, :detail, :source, :at)""")
			.param("a", assessmentId)
			.param("i", entry.itemId())
			.param("d", entry.deviceId())
			.param("address", entry.address())
			.param("check", entry.checkId())
			.param("outcome", entry.outcome())
			.param("detail", entry.detail())
			.param("source", entry.source())
			.param("at", entry.createdAt())
			.update();
	}

	private static List<Long> ids(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).toList();
	}

}
