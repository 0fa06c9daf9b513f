package vn.camguard.monitoring.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.monitoring.DeviceSightings;
import vn.camguard.monitoring.FindingLedger;
import vn.camguard.monitoring.ObservedWeakness;
import vn.camguard.monitoring.SeenDevice;
import vn.camguard.monitoring.range.AddressRange;
import vn.camguard.monitoring.range.Ipv4Span;
import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.monitoring.range.RangeRegistry;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;
import vn.camguard.schedule.OneTimeWork;
import vn.camguard.schedule.WorkPlanner;

/**
 * Runs scan jobs on the platform scheduler (db-scheduler), so that several server instances on one database share
 * them. A run starts as one task instance ({@link #START}) that checks the targets against the approved ranges
 * again (a range may have expired or been withdrawn since the job was made: then the run is refused and nothing
 * is sent), splits them into parts and plans one task instance per part ({@link #PART}); any instance may take a
 * part, and a dead instance's part is taken over by another. A part is scanned whole and handed to the
 * {@link FindingLedger} and the {@link DeviceSightings} under its part key, so a part run twice records once. A run
 * of a recurring job that falls due while the job's previous run still runs is skipped (recorded as such), so runs
 * of one job never overlap.
 */
@Configuration
class ScanExecution {

	static final String START = "monitoring-scan-start";

	static final String PART = "monitoring-scan-part";

	/** Who the audit log names for what the scheduler did on its own. */
	static final String SCHEDULER = "scheduler";

	/** Why a run was skipped: its job's previous run was still running when it fell due. */
	static final String SKIPPED_OVERLAP = "monitoring.run.skipped.overlap";

	private static final Logger log = LoggerFactory.getLogger(ScanExecution.class);

	private final JobTable jobs;

	private final RangeRegistry ranges;

	private final FindingLedger ledger;

	private final DeviceSightings sightings;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	// the scheduler needs this class's work to start, and this class needs the scheduler to plan parts
	private final ObjectProvider<WorkPlanner> planner;

	private final int partSize;

	private final int partsPerJob;

	private final Duration slotWait;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	ScanExecution(JobTable jobs, RangeRegistry ranges, FindingLedger ledger, DeviceSightings sightings, AuditTrail audit,
			TransactionTemplate transactions, ObjectProvider<WorkPlanner> planner,
			@Value("${camguard.monitoring.part-size:512}") int partSize,
			@Value("${camguard.monitoring.parts-per-job:4}") int partsPerJob,
			@Value("${camguard.monitoring.slot-wait:2s}") Duration slotWait,
			@Value("${camguard.monitoring.connect-timeout:1s}") Duration connectTimeout,
			@Value("${camguard.monitoring.read-timeout:3s}") Duration readTimeout,
			Clock provinceClock) {
		if (partSize < 1 || partSize > 4096) {
			throw new IllegalArgumentException("camguard.monitoring.part-size must be 1..4096");
		}
		this.jobs = jobs;
		this.ranges = ranges;
		this.ledger = ledger;
		this.sightings = sightings;
		this.audit = audit;
		this.transactions = transactions;
		this.planner = planner;
		this.partSize = partSize;
		if (partsPerJob < 1) {
			throw new IllegalArgumentException("camguard.monitoring.parts-per-job must be at least 1");
		}
		this.partsPerJob = partsPerJob;
		this.slotWait = slotWait;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.zone = provinceClock.getZone();
	}

	@Bean
	OneTimeWork scanRunStart() {
		return new OneTimeWork(START, this::startRun);
	}

	@Bean
	OneTimeWork scanPart() {
		return new OneTimeWork(PART, this::scanPart);
	}

	static String startInstance(long jobId, int run) {
		return "job-" + jobId + "-run-" + run;
	}

	static String startData(long jobId, int run) {
		return jobId + ":" + run;
	}

	static String partInstance(JobTable.Part part) {
		return "job-" + part.jobId() + "-run-" + part.runNumber() + "-part-" + part.partNumber();
	}

	private static String partData(JobTable.Part part) {
		return part.jobId() + ":" + part.runNumber() + ":" + part.partNumber();
	}

	/** SeenDevice's "not learned" is null, the report's is empty. */
	private static String emptyToNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}

	static String stored(MonitoringRefusal refusal) {
		return refusal.stored();
	}

	Optional<Instant> startRun(String data) {
		String[] fields = data.split(":");
		long jobId = Long.parseLong(fields[0]);
		int run = Integer.parseInt(fields[1]);
		ScanJob job = jobs.find(jobId).orElse(null);
		if (job == null || job.status() == JobStatus.CANCELLED) {
			return Optional.empty();
		}
		if (jobs.runExists(jobId, run)) {
			// the instance that wrote the run died before planning every part: plan them again (harmless twice)
			planParts(jobs.parts(jobId, run));
			return Optional.empty();
		}
		Instant now = clock.instant();
		ZonedDateTime local = now.atZone(zone);
		if (!job.window().contains(local.toLocalTime())) {
			return Optional.of(job.window().nextOpening(local).toInstant());
		}
		Instant planned = job.nextRun() == null ? now : job.nextRun();
		Instant next = job.recurrence().after(planned.atZone(zone), local, job.cron()).map(ZonedDateTime::toInstant)
			.orElse(null);
		if (run > 1 && jobs.runRunning(jobId, run - 1)) {
			skipRun(job, run, next, now);
			return Optional.empty();
		}
		List<Ipv4Span> targets = Ipv4Span.parseAll(job.targets());
		Optional<MonitoringRefusal> refusal = ranges.refusal(job.organizationId(), targets, now);
		if (refusal.isPresent()) {
			String reason = stored(refusal.get());
			transactions.executeWithoutResult(status -> {
				jobs.insertRun(jobId, run, "REFUSED", reason, 0, 0, now);
				jobs.setStatus(jobId, next == null ? JobStatus.REFUSED : JobStatus.SCHEDULED, reason);
				jobs.setNextRun(jobId, run, next);
				audit.recordFor(SCHEDULER, "monitoring.job.run.refused", "monitoring-job", Long.toString(jobId),
						job.organizationId(), null, Map.of("run", run, "reason", reason));
			});
			log.info("Scan job {} run {} refused: {}", jobId, run, reason);
			planNextRun(jobId, run, next);
			return Optional.empty();
		}
		List<Ipv4Span> parts = split(targets);
		long hosts = parts.stream().mapToLong(Ipv4Span::size).sum();
		Boolean started = transactions.execute(status -> {
			if (!jobs.startRun(jobId, run, next)) {
				return false;
			}
			jobs.insertRun(jobId, run, "RUNNING", null, parts.size(), hosts, now);
			for (int i = 0; i < parts.size(); i++) {
				Ipv4Span part = parts.get(i);
				jobs.insertPart(jobId, run, i + 1, part.firstAddress(), part.lastAddress(), (int) part.size());
			}
			audit.recordFor(SCHEDULER, "monitoring.job.run.start", "monitoring-job", Long.toString(jobId),
					job.organizationId(), null, Map.of("run", run, "parts", parts.size(), "hosts", hosts));
			return true;
		});
		if (Boolean.TRUE.equals(started)) {
			planParts(jobs.parts(jobId, run));
			planNextRun(jobId, run, next);
		}
		return Optional.empty();
	}

	/** The previous run still scans: this one is recorded as skipped, and the one after it planned as usual. */
	private void skipRun(ScanJob job, int run, Instant next, Instant now) {
		String reason = new MonitoringRefusal(SKIPPED_OVERLAP, Integer.toString(run - 1)).stored();
		transactions.executeWithoutResult(status -> {
			jobs.insertRun(job.id(), run, "SKIPPED", reason, 0, 0, now);
			jobs.setNextRun(job.id(), run, next);
			audit.recordFor(SCHEDULER, "monitoring.job.run.skipped", "monitoring-job", Long.toString(job.id()),
					job.organizationId(), null, Map.of("run", run, "running", run - 1));
		});
		log.info("Scan job {} run {} skipped: run {} still running", job.id(), run, run - 1);
		planNextRun(job.id(), run, next);
	}

	private void planParts(List<JobTable.Part> parts) {
		WorkPlanner work = planner.getObject();
		Instant now = clock.instant();
		for (JobTable.Part part : parts) {
			if (!part.settled()) {
				work.plan(PART, partInstance(part), partData(part), now);
			}
		}
	}

	private void planNextRun(long jobId, int run, Instant next) {
		if (next != null) {
			planner.getObject().plan(START, startInstance(jobId, run + 1), startData(jobId, run + 1), next);
		}
	}

	/** Splits the targets into parts of at most {@code partSize} addresses, cut on multiples of the part size. */
	List<Ipv4Span> split(List<Ipv4Span> targets) {
		List<Ipv4Span> parts = new ArrayList<>();
		for (Ipv4Span target : targets) {
			long first = target.first();
			while (first <= target.last()) {
				long last = Math.min(target.last(), (first / partSize + 1) * partSize - 1);
				parts.add(new Ipv4Span(first, last));
				first = last + 1;
			}
		}
		return parts;
	}

	Optional<Instant> scanPart(String data) {
		String[] fields = data.split(":");
		long jobId = Long.parseLong(fields[0]);
		int run = Integer.parseInt(fields[1]);
		int number = Integer.parseInt(fields[2]);
		ScanJob job = jobs.find(jobId).orElse(null);
		JobTable.Part part = jobs.part(jobId, run, number).orElse(null);
		if (job == null || part == null || part.settled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (job.status() == JobStatus.CANCELLED) {
			settle(job, part, "CANCELLED", null);
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(zone);
		if (!job.window().contains(local.toLocalTime())) {
			return Optional.of(job.window().nextOpening(local).toInstant());
		}
		Ipv4Span span = Ipv4Span.parse(part.firstAddress() + "-" + part.lastAddress());
		Optional<MonitoringRefusal> refusal = ranges.refusal(job.organizationId(), List.of(span), now);
		if (refusal.isPresent()) {
			settle(job, part, "REFUSED", stored(refusal.get()));
			return Optional.empty();
		}
		List<AddressRange> approved = ranges.scannable(job.organizationId(), now);
		// the scanner checks the targets against the approved ranges once more before it sends anything
		Scope scope = Scope.of(approved.stream().map(r -> r.firstAddress() + "-" + r.lastAddress()).toList());
		Targets targets = Targets.of(List.of(span.toString()), List.of(), scope);
		PartShare share = PartShare.of(job.concurrency(), job.ratePerSecond(), partsPerJob);
		ScanRequest request = ScanRequest.of(targets)
			.withConcurrency(Math.max(1, Math.min(share.concurrency(), part.hosts())))
			.withRates(share.ratePerSecond(), 0)
			.withTimeouts(connectTimeout, readTimeout)
			.withCredentialAttempts(job.profile().credentialAttempts());
		if (job.profile().checks().isEmpty()) {
			request = request.discoveryOnly();
		}
		Boolean claimed = transactions.execute(tx -> jobs.claimSlot(part, share.parts(), clock));
		if (!Boolean.TRUE.equals(claimed)) {
			// the job already scans as many parts as its limits allow (on this or another instance): try again soon
			return Optional.of(clock.instant().plus(slotWait));
		}
		PartTally tally = new PartTally(job, part);
		long scanStart = System.nanoTime();
		try {
			new Scanner(request).scan(tally::add);
		}
		catch (PartCancelled ex) {
			settle(job, part, "CANCELLED", null);
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// shutting down: the part stays SCANNING and is scanned again from its start by whoever takes it
			throw new IllegalStateException("scan of " + part.key() + " interrupted", ex);
		}
		long storeStart = System.nanoTime();
		sightings.recordPart(job.organizationId(), job.id(), part.key(), tally.devices, clock.instant());
		ledger.recordPart(job.organizationId(), part.key(), part.firstAddress(), part.lastAddress(),
				job.profile().checks(), tally.seen, clock.instant());
		jobs.partProgress(part, tally.hostsDone, tally.devicesFound, tally.seen.size());
		settle(job, part, "DONE", null);
		handOverSlot(part);
		// where a part's time goes (scanning or storing), for whoever tunes part sizes and limits
		log.debug("Scan job {} {}: {} hosts, {} devices, {} weaknesses; scanned in {} ms, stored in {} ms", job.id(),
				part.key(), tally.hostsDone, tally.devicesFound, tally.seen.size(),
				(storeStart - scanStart) / 1_000_000, (System.nanoTime() - storeStart) / 1_000_000);
		return Optional.empty();
	}

	/**
	 * The slot this part held is free: the next waiting part of its run is brought forward to now, so that it starts
	 * at once (on this instance, whose scheduler looks for work due now) rather than when its slot wait runs out and
	 * a scheduler next polls. Only a hint: the part still claims its slot, and one that is being picked right now (or
	 * on another instance) is left alone.
	 */
	private void handOverSlot(JobTable.Part done) {
		WorkPlanner work = planner.getObject();
		Instant now = clock.instant();
		for (JobTable.Part waiting : jobs.parts(done.jobId(), done.runNumber())) {
			if (waiting.status().equals("WAITING") && work.bringForward(PART, partInstance(waiting), now)) {
				return;
			}
		}
	}

	private void settle(ScanJob job, JobTable.Part part, String status, String refusal) {
		Instant now = clock.instant();
		jobs.partSettled(part, status, refusal, now);
		if (refusal != null) {
			audit.recordFor(SCHEDULER, "monitoring.job.part.refused", "monitoring-job", Long.toString(job.id()),
					job.organizationId(), null, Map.of("part", part.key(), "reason", refusal));
		}
		if (jobs.finishRunIfSettled(job.id(), part.runNumber(), now)) {
			transactions.executeWithoutResult(tx -> {
				jobs.endRun(job.id(), job.recurrence() == Recurrence.ONCE ? JobStatus.FINISHED : JobStatus.SCHEDULED);
				audit.recordFor(SCHEDULER, "monitoring.job.run.finish", "monitoring-job", Long.toString(job.id()),
						job.organizationId(), null, Map.of("run", part.runNumber()));
			});
		}
	}

	/** Thrown from the scanner's sink when the job was cancelled: the scanner starts no further device. */
	private static final class PartCancelled extends RuntimeException {

		PartCancelled() {
			super(null, null, false, false);
		}

	}

	/** What one part has seen so far; written to the part's row about once a second for the progress page. */
	private final class PartTally {

		private final ScanJob job;

		private final JobTable.Part part;

		private final List<ObservedWeakness> seen = new ArrayList<>();

		private final List<SeenDevice> devices = new ArrayList<>();

		private int hostsDone;

		private int devicesFound;

		private long lastWrite = System.nanoTime();

		PartTally(ScanJob job, JobTable.Part part) {
			this.job = job;
			this.part = part;
		}

		/** Called by the scanner one device at a time. */
		void add(DeviceReport report) {
			hostsDone++;
			if (report.alive()) {
				devicesFound++;
				// MAC and serial where the device told them (the report leaves them empty otherwise)
				devices.add(new SeenDevice(report.address(), report.openPorts(), report.fingerprint().vendor(),
						report.fingerprint().model(), report.fingerprint().firmware(), report.fingerprint().kind().name(),
						emptyToNull(report.mac()), emptyToNull(report.serial())));
			}
			for (Finding finding : report.findings()) {
				if (job.profile().checks().contains(finding.checkId())) {
					seen.add(new ObservedWeakness(report.address(), null, finding.checkId(), finding.severity().name(),
							finding.title(), finding.evidence().stream()
								.map(e -> e.source() + ": " + e.detail())
								.collect(Collectors.joining("\n"))));
				}
			}
			if (System.nanoTime() - lastWrite > 1_000_000_000L) {
				lastWrite = System.nanoTime();
				jobs.partProgress(part, hostsDone, devicesFound, seen.size());
				if (jobs.find(job.id()).map(ScanJob::status).orElse(JobStatus.CANCELLED) == JobStatus.CANCELLED) {
					throw new PartCancelled();
				}
			}
		}

	}

}
