package vn.camguard.notices.web;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.notices.application.NotFound;
import vn.camguard.notices.application.NoticeBounces;
import vn.camguard.notices.application.NoticeScope;
import vn.camguard.notices.application.SubscriberNotices;
import vn.camguard.notices.domain.Notice;
import vn.camguard.notices.domain.NoticePlan;
import vn.camguard.notices.domain.SubscriberFindings;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The notices page of an ISP: open findings per subscriber with a preview of each notice, sending (to one subscriber
 * or all), the notices made so far with their outcome (a bounce with what the returning server said), retry of a
 * failed or bounced one, whether the bounce mailbox is read, and each notice's printable letter.
 */
@Controller
@RequestMapping("/notices")
public class NoticeController {

	private final SubscriberNotices notices;

	private final NoticeScope scope;

	private final NoticeBounces bounces;

	public NoticeController(SubscriberNotices notices, NoticeScope scope, NoticeBounces bounces) {
		this.notices = notices;
		this.scope = scope;
		this.bounces = bounces;
	}

	@GetMapping
	public String page(@RequestParam(required = false) Long organizationId, Model model) {
		UnitRef organization = scope.chosen(organizationId);
		NoticePlan plan = notices.plan(organization.id());
		model.addAttribute("organization", organization);
		model.addAttribute("organizations", scope.organizations());
		model.addAttribute("plan", plan);
		model.addAttribute("sent", notices.latest(organization.id()));
		model.addAttribute("mailConfigured", notices.mailConfigured());
		model.addAttribute("bouncesConfigured", bounces.configured());
		model.addAttribute("bounceCheck", bounces.lastCheck().orElse(null));
		model.addAttribute("zone", notices.zone());
		model.addAttribute("reportMonth", java.time.YearMonth.now(notices.zone()).minusMonths(1).toString());
		return "notices/notices";
	}

	@GetMapping("/preview")
	public String preview(@RequestParam long organizationId, @RequestParam String subscriber, Model model) {
		UnitRef organization = scope.require(organizationId);
		SubscriberFindings group = notices.plan(organization.id())
			.of(subscriber)
			.orElseThrow(() -> new NotFound("subscriber with open findings " + subscriber));
		model.addAttribute("organization", organization);
		model.addAttribute("organizations", scope.organizations());
		model.addAttribute("group", group);
		model.addAttribute("mailText", notices.previewText(organization.id(), group));
		return "notices/preview";
	}

	@PostMapping("/send")
	public String send(@RequestParam long organizationId, @RequestParam(required = false) List<String> subscriber,
			RedirectAttributes redirect) {
		List<Long> made = notices.send(organizationId, subscriber == null ? List.of() : subscriber);
		redirect.addFlashAttribute("made", made.size());
		return "redirect:/notices?organizationId=" + organizationId;
	}

	@PostMapping("/{id}/retry")
	public String retry(@PathVariable long id, RedirectAttributes redirect) {
		Notice notice = notices.retry(id);
		redirect.addFlashAttribute("retried", notice.reference());
		return "redirect:/notices?organizationId=" + notice.organizationId();
	}

	@GetMapping("/{id}/letter")
	public ResponseEntity<byte[]> letter(@PathVariable long id) {
		Notice notice = notices.notice(id);
		byte[] pdf = notices.letter(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(notice.reference() + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

}
