package vn.camguard.monitoring.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.UnitScope;

/** The tables {@code monitoring_job}, {@code monitoring_job_run} and {@code monitoring_job_part}. */
@Repository
class JobTable {

	/** One part of a run: a run of consecutive addresses one scheduler instance scans. */
	record Part(long jobId, int runNumber, int partNumber, String firstAddress, String lastAddress, int hosts,
			String status) {

		String key() {
			return "job-" + jobId + "/run-" + runNumber + "/part-" + partNumber;
		}

		boolean settled() {
			return !status.equals("WAITING") && !status.equals("SCANNING");
		}

	}

	private final JdbcClient jdbc;

	JobTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long organizationId, String name, String targets, ScanProfile profile, int rate, int concurrency,
			TimeWindow window, Recurrence recurrence, String cron, Instant firstRun, String by, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
				  window_start, window_end, recurrence, cron, first_run, status, created_by, created_at, next_run,
				  run_number)
				VALUES (:org, :name, :targets, :profile, :rate, :concurrency, :windowStart, :windowEnd, :recurrence,
				  :cron, :firstRun, 'SCHEDULED', :by, :at, :firstRun, 0)""")
			.param("org", organizationId)
			.param("name", name)
			.param("targets", targets)
			.param("profile", profile.name())
			.param("rate", rate)
			.param("concurrency", concurrency)
			.param("windowStart", window.always() ? null : window.start().toString())
			.param("windowEnd", window.always() ? null : window.end().toString())
			.param("recurrence", recurrence.name())
			.param("cron", cron)
			.param("firstRun", Timestamp.from(firstRun))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	Optional<ScanJob> find(long id) {
		return jdbc.sql("SELECT * FROM monitoring_job WHERE id = :id").param("id", id).query(JobTable::job).optional();
	}

	List<ScanJob> within(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM monitoring_job WHERE organization_id IN "
				+ "(SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (" + scope.sqlIdList()
				+ ")) ORDER BY id DESC")
			.query(JobTable::job)
			.list();
	}

	void setStatus(long id, JobStatus status, String refusal) {
		jdbc.sql("UPDATE monitoring_job SET status = :status, refusal = :refusal WHERE id = :id")
			.param("status", status.name())
			.param("refusal", refusal)
			.param("id", id)
			.update();
	}

	/** Marks the job running run {@code run}, unless it was cancelled meanwhile; answers whether it was. */
	boolean startRun(long id, int run, Instant next) {
		return jdbc.sql("""
				UPDATE monitoring_job SET status = 'RUNNING', run_number = :run, next_run = :next, refusal = NULL
				WHERE id = :id AND status <> 'CANCELLED'""")
			.param("run", run)
			.param("next", next == null ? null : Timestamp.from(next))
			.param("id", id)
			.update() == 1;
	}

	/** After a run: back to waiting for the next run, or finished; a cancelled job stays cancelled. */
	void endRun(long id, JobStatus status) {
		jdbc.sql("UPDATE monitoring_job SET status = :status WHERE id = :id AND status = 'RUNNING'")
			.param("status", status.name())
			.param("id", id)
			.update();
	}

	void setNextRun(long id, int run, Instant next) {
		jdbc.sql("UPDATE monitoring_job SET next_run = :next, run_number = :run WHERE id = :id")
			.param("next", next == null ? null : Timestamp.from(next))
			.param("run", run)
			.param("id", id)
			.update();
	}

	boolean runExists(long jobId, int run) {
		return jdbc.sql("SELECT COUNT(*) FROM monitoring_job_run WHERE job_id = :job AND run_number = :run")
			.param("job", jobId)
			.param("run", run)
			.query(Long.class)
			.single() > 0;
	}

	boolean runRunning(long jobId, int run) {
		return jdbc.sql("SELECT COUNT(*) FROM monitoring_job_run WHERE job_id = :job AND run_number = :run "
				+ "AND status = 'RUNNING'")
			.param("job", jobId)
			.param("run", run)
			.query(Long.class)
			.single() > 0;
	}

	void insertRun(long jobId, int run, String status, String refusal, int parts, long hosts, Instant at) {
		jdbc.sql("""
				INSERT INTO monitoring_job_run (job_id, run_number, status, refusal, parts, hosts_total, started_at,
				  finished_at)
				VALUES (:job, :run, :status, :refusal, :parts, :hosts, :at, :finished)""")
			.param("job", jobId)
			.param("run", run)
			.param("status", status)
			.param("refusal", refusal)
			.param("parts", parts)
			.param("hosts", hosts)
			.param("at", Timestamp.from(at))
			.param("finished", status.equals("RUNNING") ? null : Timestamp.from(at))
			.update();
	}

	void insertPart(long jobId, int run, int part, String first, String last, int hosts) {
		jdbc.sql("""
				INSERT INTO monitoring_job_part (job_id, run_number, part_number, first_address, last_address, hosts,
				  status, hosts_done, devices_found, weaknesses_seen)
				VALUES (:job, :run, :part, :first, :last, :hosts, 'WAITING', 0, 0, 0)""")
			.param("job", jobId)
			.param("run", run)
			.param("part", part)
			.param("first", first)
			.param("last", last)
			.param("hosts", hosts)
			.update();
	}

	List<Part> parts(long jobId, int run) {
		return jdbc.sql("""
				SELECT job_id, run_number, part_number, first_address, last_address, hosts, status
				FROM monitoring_job_part WHERE job_id = :job AND run_number = :run ORDER BY part_number""")
			.param("job", jobId)
			.param("run", run)
			.query((rs, n) -> new Part(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getInt(6), rs.getString(7)))
			.list();
	}

	Optional<Part> part(long jobId, int run, int part) {
		return parts(jobId, run).stream().filter(p -> p.partNumber() == part).findFirst();
	}

	/**
	 * Starts the part if fewer than {@code slots} other parts of its run are scanning, else answers false. The job's
	 * row is locked first, so two instances claiming at once are taken in turn and never both see a free slot.
	 * Call inside a transaction.
	 */
	boolean claimSlot(Part part, int slots, java.time.Clock clock) {
		jdbc.sql("SELECT id FROM monitoring_job WHERE id = :job FOR UPDATE").param("job", part.jobId())
			.query(Long.class)
			.optional();
		long scanning = jdbc.sql("""
				SELECT COUNT(*) FROM monitoring_job_part
				WHERE job_id = :job AND run_number = :run AND part_number <> :part AND status = 'SCANNING'""")
			.params(keyOf(part))
			.query(Long.class)
			.single();
		if (scanning >= slots) {
			return false;
		}
		// the start is read once the lock is held: after every part that freed the slot had finished
		partScanning(part, clock.instant());
		return true;
	}

	/** A part (re)starting: counters from zero, since a taken-over part is scanned again from its start. */
	void partScanning(Part part, Instant at) {
		jdbc.sql("""
				UPDATE monitoring_job_part SET status = 'SCANNING', hosts_done = 0, devices_found = 0,
				  weaknesses_seen = 0, started_at = :at, attempts = attempts + 1
				WHERE job_id = :job AND run_number = :run AND part_number = :part""")
			.param("at", Timestamp.from(at))
			.params(keyOf(part))
			.update();
	}

	void partProgress(Part part, int hostsDone, int devicesFound, int weaknessesSeen) {
		jdbc.sql("""
				UPDATE monitoring_job_part SET hosts_done = :done, devices_found = :devices, weaknesses_seen = :seen
				WHERE job_id = :job AND run_number = :run AND part_number = :part AND status = 'SCANNING'""")
			.param("done", hostsDone)
			.param("devices", devicesFound)
			.param("seen", weaknessesSeen)
			.params(keyOf(part))
			.update();
	}

	void partSettled(Part part, String status, String refusal, Instant at) {
		jdbc.sql("""
				UPDATE monitoring_job_part SET status = :status, refusal = :refusal, finished_at = :at
				WHERE job_id = :job AND run_number = :run AND part_number = :part""")
			.param("status", status)
			.param("refusal", refusal)
			.param("at", Timestamp.from(at))
			.params(keyOf(part))
			.update();
	}

	/** Parts not yet started of the job's runs, cancelled with it. */
	void cancelWaitingParts(long jobId, Instant at) {
		jdbc.sql("""
				UPDATE monitoring_job_part SET status = 'CANCELLED', finished_at = :at
				WHERE job_id = :job AND status = 'WAITING'""")
			.param("at", Timestamp.from(at))
			.param("job", jobId)
			.update();
	}

	/**
	 * Ends the run once no part is waiting or scanning. Run after the caller's own part is committed, so of two
	 * parts ending at once on two instances, the later one sees both.
	 */
	boolean finishRunIfSettled(long jobId, int run, Instant at) {
		int changed = jdbc.sql("""
				UPDATE monitoring_job_run SET status = CASE WHEN EXISTS (SELECT 1 FROM monitoring_job_part p
				    WHERE p.job_id = :job AND p.run_number = :run AND p.status = 'CANCELLED') THEN 'CANCELLED'
				    ELSE 'FINISHED' END,
				  finished_at = :at
				WHERE job_id = :job AND run_number = :run AND status = 'RUNNING'
				  AND NOT EXISTS (SELECT 1 FROM monitoring_job_part p WHERE p.job_id = :job AND p.run_number = :run
				    AND p.status IN ('WAITING', 'SCANNING'))""")
			.param("job", jobId)
			.param("run", run)
			.param("at", Timestamp.from(at))
			.update();
		return changed == 1;
	}

	/** The latest run summed over its parts. */
	Optional<JobProgress> progress(long jobId, Instant now) {
		return jdbc.sql("""
				SELECT r.run_number, r.status, r.refusal, r.parts, r.hosts_total, r.started_at, r.finished_at,
				  COALESCE(SUM(CASE WHEN p.status IN ('DONE', 'CANCELLED', 'REFUSED') THEN 1 ELSE 0 END), 0) AS settled,
				  COALESCE(SUM(CASE WHEN p.status = 'DONE' THEN p.hosts ELSE p.hosts_done END), 0) AS done,
				  COALESCE(SUM(p.devices_found), 0) AS devices, COALESCE(SUM(p.weaknesses_seen), 0) AS seen
				FROM monitoring_job_run r LEFT JOIN monitoring_job_part p
				  ON p.job_id = r.job_id AND p.run_number = r.run_number
				WHERE r.job_id = :job AND r.status <> 'SKIPPED'
				GROUP BY r.run_number, r.status, r.refusal, r.parts, r.hosts_total, r.started_at, r.finished_at
				ORDER BY r.run_number DESC""")
			.param("job", jobId)
			.query((rs, n) -> {
				Instant started = instant(rs, "started_at");
				Instant finished = instant(rs, "finished_at");
				long total = rs.getLong("hosts_total");
				long done = rs.getLong("done");
				double seconds = Math.max(1, Duration.between(started, finished == null ? now : finished).toSeconds());
				double rate = done / seconds;
				Duration remaining = finished == null && rate > 0
						? Duration.ofSeconds((long) ((total - done) / rate)) : null;
				return new JobProgress(jobId, rs.getInt("run_number"), rs.getString("status"), rs.getString("refusal"),
						rs.getInt("parts"), rs.getInt("settled"), total, done, rs.getLong("devices"), rs.getLong("seen"),
						started, finished, rate, remaining);
			})
			.list()
			.stream()
			.findFirst();
	}

	private static java.util.Map<String, Object> keyOf(Part part) {
		return java.util.Map.of("job", part.jobId(), "run", part.runNumber(), "part", part.partNumber());
	}

	private static ScanJob job(ResultSet rs, int row) throws SQLException {
		String windowStart = rs.getString("window_start");
		TimeWindow window = windowStart == null ? TimeWindow.ALWAYS
				: new TimeWindow(LocalTime.parse(windowStart), LocalTime.parse(rs.getString("window_end")));
		return new ScanJob(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"), rs.getString("targets"),
				ScanProfile.valueOf(rs.getString("profile")), rs.getInt("rate_per_second"), rs.getInt("concurrency"),
				window, Recurrence.valueOf(rs.getString("recurrence")), rs.getString("cron"), instant(rs, "first_run"),
				JobStatus.valueOf(rs.getString("status")), rs.getString("refusal"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "next_run"), rs.getInt("run_number"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
