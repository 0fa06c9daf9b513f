package vn.camguard.monitoring.job.web;

import vn.camguard.monitoring.job.JobDraft;
import vn.camguard.monitoring.job.JobProgress;
import vn.camguard.monitoring.job.Recurrence;
import vn.camguard.monitoring.job.ScanJob;
import vn.camguard.monitoring.job.ScanJobs;
import vn.camguard.monitoring.job.ScanProfile;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.monitoring.range.MonitoringRefusal;

/**
 * Scan job pages: the list, the form (a refused job comes back with the reason and everything typed), the job
 * page whose progress panel htmx reloads every few seconds while a run is active, and cancel.
 */
@Controller
@RequestMapping("/monitoring/jobs")
class JobController {

	private final ScanJobs jobs;

	private final MessageSource messages;

	JobController(ScanJobs jobs, MessageSource messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		requireScanning();
		model.addAttribute("jobs", jobs.visible());
		return "monitoring/jobs";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		requireScanning();
		var organizations = jobs.organizations();
		model.addAttribute("form", new JobDraft(organizations.size() == 1 ? organizations.getFirst().id() : null, "", "",
				ScanProfile.STANDARD.name(), ScanJobs.DEFAULT_RATE, ScanJobs.DEFAULT_CONCURRENCY, "", "",
				Recurrence.ONCE.name(), "", ""));
		return form(model);
	}

	@PostMapping
	String create(JobDraft form, Model model, Locale locale) {
		try {
			return "redirect:/monitoring/jobs/" + jobs.create(form);
		}
		catch (MonitoringRefusal refusal) {
			model.addAttribute("form", form);
			model.addAttribute("problem", refusal.text(messages, locale));
			return form(model);
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model, Locale locale) {
		ScanJobs.JobView view = jobs.job(id);
		model.addAttribute("view", view);
		model.addAttribute("refusal", refusalText(view, locale));
		return "monitoring/job";
	}

	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model, Locale locale) {
		ScanJobs.JobView view = jobs.job(id);
		model.addAttribute("view", view);
		model.addAttribute("refusal", refusalText(view, locale));
		return "monitoring/job :: progress";
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			jobs.cancel(id);
			redirect.addFlashAttribute("notice", messages.getMessage("monitoring.job.cancelled", null, locale));
		}
		catch (MonitoringRefusal refusal) {
			redirect.addFlashAttribute("problem", refusal.text(messages, locale));
		}
		return "redirect:/monitoring/jobs/" + id;
	}

	private String form(Model model) {
		model.addAttribute("organizations", jobs.organizations());
		model.addAttribute("profiles", ScanProfile.values());
		model.addAttribute("recurrences", Recurrence.values());
		return "monitoring/job-form";
	}

	private void requireScanning() {
		if (!jobs.canCreate()) {
			throw new AccessDeniedException("scan jobs need MONITORING_SCAN");
		}
	}

	private String refusalText(ScanJobs.JobView view, Locale locale) {
		String stored = view.progress().refusal() != null ? view.progress().refusal() : view.job().refusal();
		return stored == null ? null : MonitoringRefusal.fromStored(stored).text(messages, locale);
	}


}
