package vn.camguard.monitoring.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.monitoring.range.Ipv4Span;
import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.monitoring.range.RangeRegistry;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.schedule.WorkPlanner;

/**
 * Scan jobs as callers see them: created only on targets inside the approved, unexpired ranges of the caller's
 * organisation (else refused with the reason, and nothing is planned), listed and cancelled within the caller's
 * {@code MONITORING_SCAN} scope. Runs are planned on the platform scheduler; {@link ScanExecution} runs them.
 */
@Service
public class ScanJobs {

	public static final int DEFAULT_RATE = 100;

	public static final int DEFAULT_CONCURRENCY = 32;

	private final JobTable jobs;

	private final RangeRegistry ranges;

	private final AccessControl access;

	private final UnitDirectory units;

	private final AuditTrail audit;

	private final WorkPlanner planner;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	ScanJobs(JobTable jobs, RangeRegistry ranges, AccessControl access, UnitDirectory units, AuditTrail audit,
			WorkPlanner planner, TransactionTemplate transactions,
			Clock provinceClock) {
		this.jobs = jobs;
		this.ranges = ranges;
		this.access = access;
		this.units = units;
		this.audit = audit;
		this.planner = planner;
		this.transactions = transactions;
		this.zone = provinceClock.getZone();
	}

	/** A job with its organisation's name and latest run, for lists and the job page. */
	public record JobView(ScanJob job, String organizationName, JobProgress progress) {
	}

	public boolean canCreate() {
		return access.allowsAnywhere(Permission.MONITORING_SCAN);
	}

	public List<UnitRef> organizations() {
		return units.within(access.scope(Permission.MONITORING_SCAN));
	}

	public List<JobView> visible() {
		Instant now = clock.instant();
		return jobs.within(access.scope(Permission.MONITORING_SCAN)).stream().map(job -> view(job, now)).toList();
	}

	public JobView job(long id) {
		ScanJob job = jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		if (!access.allows(Permission.MONITORING_SCAN, job.organizationId())) {
			throw new JobNotFound(id);
		}
		return view(job, clock.instant());
	}

	/**
	 * Checks the draft and creates the job, planning its first run; refuses (throws {@link MonitoringRefusal}) a
	 * target outside the approved, unexpired ranges of the organisation, with nothing stored or planned.
	 */
	public long create(JobDraft draft) {
		if (draft.organizationId() == null) {
			throw new MonitoringRefusal("monitoring.range.organizationMissing");
		}
		long organizationId = draft.organizationId();
		access.require(Permission.MONITORING_SCAN, organizationId);
		String name = trimmed(draft.name());
		if (name == null) {
			throw new MonitoringRefusal("monitoring.job.nameMissing");
		}
		if (name.length() > 200) {
			throw new MonitoringRefusal("monitoring.job.nameTooLong");
		}
		String targetText = trimmed(draft.targets());
		if (targetText != null && targetText.length() > 2000) {
			throw new MonitoringRefusal("monitoring.job.targetsTooLong");
		}
		List<Ipv4Span> targets = Ipv4Span.parseAll(targetText);
		ScanProfile profile = parse(ScanProfile.class, draft.profile(), ScanProfile.STANDARD, "monitoring.job.profileInvalid");
		int rate = draft.ratePerSecond() == null ? DEFAULT_RATE : draft.ratePerSecond();
		if (rate < 1 || rate > 10_000) {
			throw new MonitoringRefusal("monitoring.job.rateInvalid");
		}
		int concurrency = draft.concurrency() == null ? DEFAULT_CONCURRENCY : draft.concurrency();
		if (concurrency < 1 || concurrency > 1024) {
			throw new MonitoringRefusal("monitoring.job.concurrencyInvalid");
		}
		TimeWindow window = window(draft.windowStart(), draft.windowEnd());
		Recurrence recurrence = parse(Recurrence.class, draft.recurrence(), Recurrence.ONCE,
				"monitoring.job.recurrenceInvalid");
		String cron = null;
		if (recurrence == Recurrence.CRON) {
			cron = trimmed(draft.cron());
			if (cron == null || cron.length() > 100 || !CronExpression.isValidExpression(cron)) {
				throw new MonitoringRefusal("monitoring.job.cronInvalid");
			}
		}
		Instant now = clock.instant();
		Instant firstRun = firstRun(draft.firstRun(), now);
		ranges.refusal(organizationId, targets, now).ifPresent(refusal -> {
			throw refusal;
		});
		String createdBy = access.caller().username();
		String cronText = cron;
		long id = transactions.execute(status -> {
			long created = jobs.insert(organizationId, name, targetText, profile, rate, concurrency, window, recurrence,
					cronText, firstRun, createdBy, now);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("name", name);
			after.put("targets", targetText);
			after.put("profile", profile.name());
			after.put("ratePerSecond", rate);
			after.put("concurrency", concurrency);
			after.put("window", window.always() ? "" : window.start() + "-" + window.end());
			after.put("recurrence", recurrence.name());
			after.put("cron", cronText == null ? "" : cronText);
			after.put("firstRun", firstRun.toString());
			audit.record("monitoring.job.create", "monitoring-job", Long.toString(created), organizationId, null, after);
			return created;
		});
		planner.plan(ScanExecution.START, ScanExecution.startInstance(id, 1), ScanExecution.startData(id, 1), firstRun);
		return id;
	}

	/** Cancels the job: no further run starts, parts not started are dropped, running parts stop soon. */
	public void cancel(long id) {
		ScanJob job = jobs.find(id).orElseThrow(() -> new JobNotFound(id));
		if (!access.allows(Permission.MONITORING_SCAN, job.organizationId())) {
			throw new JobNotFound(id);
		}
		if (job.status() == JobStatus.CANCELLED || job.status() == JobStatus.FINISHED
				|| job.status() == JobStatus.REFUSED) {
			throw new MonitoringRefusal("monitoring.job.notCancellable");
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			jobs.setStatus(id, JobStatus.CANCELLED, null);
			jobs.cancelWaitingParts(id, now);
			for (int run = 1; run <= job.runNumber(); run++) {
				jobs.finishRunIfSettled(id, run, now);
			}
			audit.record("monitoring.job.cancel", "monitoring-job", Long.toString(id), job.organizationId(),
					Map.of("status", job.status().name()), Map.of("status", JobStatus.CANCELLED.name()));
		});
		// the work itself also sees the cancelled status; dropping spares the scheduler a useless start
		planner.drop(ScanExecution.START, ScanExecution.startInstance(id, job.runNumber() + 1));
		for (JobTable.Part part : jobs.parts(id, job.runNumber())) {
			planner.drop(ScanExecution.PART, ScanExecution.partInstance(part));
		}
	}

	private JobView view(ScanJob job, Instant now) {
		String name = units.find(job.organizationId()).map(UnitRef::name).orElse("#" + job.organizationId());
		return new JobView(job, name, jobs.progress(job.id(), now).orElse(JobProgress.none(job.id())));
	}

	private TimeWindow window(String start, String end) {
		String from = trimmed(start);
		String to = trimmed(end);
		if (from == null && to == null) {
			return TimeWindow.ALWAYS;
		}
		if (from == null || to == null) {
			throw new MonitoringRefusal("monitoring.job.windowInvalid");
		}
		try {
			return new TimeWindow(LocalTime.parse(from).withSecond(0).withNano(0),
					LocalTime.parse(to).withSecond(0).withNano(0));
		}
		catch (DateTimeParseException ex) {
			throw new MonitoringRefusal("monitoring.job.windowInvalid");
		}
	}

	private Instant firstRun(String text, Instant now) {
		String value = trimmed(text);
		if (value == null) {
			return now;
		}
		try {
			Instant at = LocalDateTime.parse(value).atZone(zone).toInstant();
			return at.isBefore(now) ? now : at;
		}
		catch (DateTimeParseException ex) {
			throw new MonitoringRefusal("monitoring.job.firstRunInvalid");
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback, String problem) {
		String value = trimmed(text);
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw new MonitoringRefusal(problem);
		}
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
