package vn.camguard.levels.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.levels.Campaigns.Campaign;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.application.CampaignCatalogue;
import vn.camguard.levels.application.CampaignCatalogue.CampaignDraft;
import vn.camguard.levels.application.CampaignProgress;
import vn.camguard.levels.application.LevelsNotFound;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.persistence.CampaignProgressStore.SystemLine;

/**
 * The campaign pages: the campaigns with their deadlines (everyone signed in), adding and editing one
 * (the province administrator who corrects frameworks), and per campaign the lists of systems still
 * owing a level or a full plan, by unit, within the units the caller reads, with their XLSX export.
 */
@Controller
@RequestMapping("/levels/campaigns")
public class CampaignController {

	private final CampaignCatalogue campaigns;

	private final CampaignProgress progress;

	private final MessageSource messages;

	public CampaignController(CampaignCatalogue campaigns, CampaignProgress progress, MessageSource messages) {
		this.campaigns = campaigns;
		this.progress = progress;
		this.messages = messages;
	}

	@GetMapping
	public String list(Model model) {
		model.addAttribute("campaigns", campaigns.all());
		model.addAttribute("canManage", campaigns.canManage());
		return "levels/campaigns";
	}

	@GetMapping("/new")
	public String create(Model model) {
		campaigns.requireManage();
		return form(model, null, new CampaignDraft(null, null, null, List.of(), null, null, false, null), List.of());
	}

	@GetMapping("/{id}/edit")
	public String edit(@PathVariable long id, Model model) {
		campaigns.requireManage();
		Campaign campaign = campaigns.get(id);
		return form(model, id, new CampaignDraft(campaign.code(), campaign.nameVi(), campaign.nameEn(),
				campaign.frameworkCodes(), campaign.levelsDueOn(), campaign.plansDueOn(), campaign.verified(),
				campaign.source()), List.of());
	}

	@PostMapping
	public String add(@RequestParam(required = false) String code, @RequestParam(required = false) String nameVi,
			@RequestParam(required = false) String nameEn,
			@RequestParam(name = "frameworks", required = false) List<String> frameworks,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate levelsDueOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plansDueOn,
			@RequestParam(defaultValue = "false") boolean verified, @RequestParam(required = false) String source,
			Model model, Locale locale) {
		return save(null, new CampaignDraft(code, nameVi, nameEn, frameworks, levelsDueOn, plansDueOn, verified, source),
				model, locale);
	}

	@PostMapping("/{id}")
	public String change(@PathVariable long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String nameVi, @RequestParam(required = false) String nameEn,
			@RequestParam(name = "frameworks", required = false) List<String> frameworks,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate levelsDueOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plansDueOn,
			@RequestParam(defaultValue = "false") boolean verified, @RequestParam(required = false) String source,
			Model model, Locale locale) {
		return save(id, new CampaignDraft(code, nameVi, nameEn, frameworks, levelsDueOn, plansDueOn, verified, source),
				model, locale);
	}

	private String save(Long id, CampaignDraft draft, Model model, Locale locale) {
		try {
			Campaign saved = campaigns.save(id, draft);
			return "redirect:/levels/campaigns#campaign-" + saved.id();
		}
		catch (LevelRuleViolation violation) {
			return form(model, id, draft, ProblemTexts.of(violation.problems(), messages, locale, null));
		}
	}

	private String form(Model model, Long id, CampaignDraft draft, List<String> problems) {
		model.addAttribute("campaignId", id);
		model.addAttribute("draft", draft);
		model.addAttribute("frameworkCodes", campaigns.frameworkCodes());
		model.addAttribute("problems", problems);
		return "levels/campaign-form";
	}

	@GetMapping("/{id}/systems")
	public String systems(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("list", progress.list(id, kind(kind, id), unit, page));
		return "levels/campaign-systems";
	}

	@GetMapping("/{id}/systems/export")
	public ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long unit, Locale locale) {
		DeadlineKind deadline = kind(kind, id);
		List<String> headers = new ArrayList<>();
		for (String key : List.of("levels.campaign.export.unit-code", "levels.campaign.export.unit",
				"levels.campaign.export.system-id", "levels.campaign.export.system", "levels.campaign.export.status",
				"levels.campaign.export.dossier", "levels.campaign.export.level", "levels.campaign.export.percent")) {
			headers.add(messages.getMessage(key, null, locale));
		}
		List<List<String>> rows = new ArrayList<>();
		for (SystemLine line : progress.all(id, deadline, unit)) {
			rows.add(java.util.Arrays.asList(line.unitCode(), line.unitName(), Long.toString(line.systemId()),
					line.systemName(), line.systemStatus(), line.openDossierStatus(), XlsxDownload.text(line.level()),
					deadline == DeadlineKind.PLANS_IMPLEMENTED ? XlsxDownload.text(line.percent()) : null));
		}
		String name = "chien-dich-" + id + (deadline == DeadlineKind.LEVELS_APPROVED ? "-cap-do" : "-phuong-an");
		return XlsxDownload.of(name, "systems", headers, rows);
	}

	static DeadlineKind kind(String value, long campaignId) {
		if (value == null || value.isBlank()) {
			return DeadlineKind.LEVELS_APPROVED;
		}
		for (DeadlineKind kind : DeadlineKind.values()) {
			if (kind.name().equals(value)) {
				return kind;
			}
		}
		throw new LevelsNotFound("list " + value + " of campaign", campaignId);
	}

}
