package vn.camguard.inventory.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.ImportBatch;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.ResultPage;

/** The recent device imports in the caller's units, and rolling one back as a whole. */
@Controller
@RequestMapping("/inventory/imports")
public class ImportBatchController {

	private final InventoryManagement inventory;

	private final MessageSource messages;

	public ImportBatchController(InventoryManagement inventory, MessageSource messages) {
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping
	public String list(@RequestParam(defaultValue = "0") int page, Model model) {
		ResultPage<ImportBatch> batches = inventory.importBatches(Math.max(0, page), 25);
		model.addAttribute("page", batches);
		model.addAttribute("canRollBack", batches.items()
			.stream()
			.filter(batch -> !batch.rolledBack() && inventory.canWrite(batch.unitId()))
			.map(ImportBatch::id)
			.collect(Collectors.toSet()));
		return "inventory/imports";
	}

	@GetMapping("/{id}/rollback")
	public String confirm(@PathVariable long id, Model model) {
		return confirm(model, inventory.importBatchForRollback(id), "", Map.of());
	}

	@PostMapping("/{id}/rollback")
	public String rollBack(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			Locale locale, RedirectAttributes redirect) {
		ImportBatch batch = inventory.importBatchForRollback(id);
		try {
			int removed = inventory.rollBackImport(id, reason);
			redirect.addFlashAttribute("rolledBack", removed);
			redirect.addFlashAttribute("rolledBackFile", batch.fileName());
			return "redirect:/inventory/imports";
		}
		catch (InventoryRuleViolation violation) {
			return confirm(model, inventory.importBatch(id), reason,
					FormProblems.messages(violation.problems(), "inventory.delete.", messages, locale));
		}
	}

	private String confirm(Model model, ImportBatch batch, String reason, Map<String, String> errors) {
		model.addAttribute("batch", batch);
		model.addAttribute("changed", inventory.changedSinceImport(batch.id()));
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "inventory/import-rollback";
	}

}
