package vn.camguard.monitoring.job.web;

import vn.camguard.monitoring.job.JobDraft;
import vn.camguard.monitoring.job.JobProgress;
import vn.camguard.monitoring.job.Recurrence;
import vn.camguard.monitoring.job.ScanJob;
import vn.camguard.monitoring.job.ScanJobs;
import vn.camguard.monitoring.job.ScanProfile;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.camguard.monitoring.range.MonitoringRefusal;

/** Scan jobs over REST: the same rules as the pages; a refused job answers 422 with the reason. */
@RestController
@RequestMapping("/api/v1/monitoring/jobs")
@Tag(name = "Network monitoring: scan jobs", description = "Scans of approved ranges, run on the platform scheduler")
class JobApiController {

	private final ScanJobs jobs;

	private final MessageSource messages;

	JobApiController(ScanJobs jobs, MessageSource messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	/** A job and its latest run as the API shows them. */
	record JobBody(ScanJob job, String organizationName, JobProgress progress, String refusal) {
	}

	@GetMapping
	@Operation(summary = "The scan jobs of the caller's organisations, newest first, each with its latest run")
	List<JobBody> list(Locale locale) {
		if (!jobs.canCreate()) {
			throw new AccessDeniedException("scan jobs need MONITORING_SCAN");
		}
		return jobs.visible().stream().map(view -> body(view, locale)).toList();
	}

	@PostMapping
	@Operation(summary = "Create a scan job; targets outside the approved, unexpired ranges of the organisation are "
			+ "refused (422) and nothing is planned or sent")
	ResponseEntity<JobBody> create(@RequestBody JobDraft draft, Locale locale) {
		long id = jobs.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/monitoring/jobs/" + id)).body(body(jobs.job(id), locale));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One job and the progress of its latest run (hosts done, devices found, rate, time left)")
	JobBody job(@PathVariable long id, Locale locale) {
		return body(jobs.job(id), locale);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a job: no further run starts, running parts stop")
	JobBody cancel(@PathVariable long id, Locale locale) {
		jobs.cancel(id);
		return body(jobs.job(id), locale);
	}

	@ExceptionHandler(MonitoringRefusal.class)
	ResponseEntity<Map<String, Object>> refused(MonitoringRefusal refusal, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("problem", refusal.key(), "message", refusal.text(messages, locale)));
	}

	private JobBody body(ScanJobs.JobView view, Locale locale) {
		String stored = view.progress().refusal() != null ? view.progress().refusal() : view.job().refusal();
		return new JobBody(view.job(), view.organizationName(), view.progress(),
				stored == null ? null : MonitoringRefusal.fromStored(stored).text(messages, locale));
	}

}
