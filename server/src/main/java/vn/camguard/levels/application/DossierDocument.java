package vn.camguard.levels.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierBody;
import vn.camguard.levels.domain.DossierEvent;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.document.OfficialDocument;

/**
 * A dossier printed as a Vietnamese administrative document (hồ sơ đề xuất cấp độ): the operating unit
 * as issuer, the determination with the rules that decided the level, the framework version it was filed
 * under with its parts and the files covering each, the timeline, and once approved the decision. It is
 * always in Vietnamese, the language the document is filed in, whatever the reader's page language. Only
 * a reader of the dossier gets it ({@link LevelDossiers#view}, otherwise not found).
 */
@Service
public class DossierDocument {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final LevelDossiers dossiers;

	private final DeterminationStore determinations;

	private final UnitDirectory units;

	private final MessageSource messages;

	public DossierDocument(LevelDossiers dossiers, DeterminationStore determinations, UnitDirectory units,
			MessageSource messages) {
		this.dossiers = dossiers;
		this.determinations = determinations;
		this.units = units;
		this.messages = messages;
	}

	/** The file to send: the PDF under a name that says which dossier it is. */
	@Transactional(readOnly = true)
	public StoredFile pdf(long dossierId) {
		LevelDossiers.View view = dossiers.view(dossierId);
		return new StoredFile("ho-so-cap-do-" + dossierId + ".pdf", "application/pdf", document(view).toPdf());
	}

	OfficialDocument document(LevelDossiers.View view) {
		Dossier d = view.dossier();
		Framework framework = view.framework();
		FrameworkVersion version = framework.version();
		Optional<UnitRef> unit = units.find(view.system().unitId());
		Optional<UnitRef> parent = unit.map(UnitRef::parentId).flatMap(units::find);
		String systemName = oneLine(view.system().name());
		List<OfficialDocument.Block> body = new ArrayList<>();

		body.add(new OfficialDocument.Text("1. Thông tin chung", true));
		body.add(new OfficialDocument.Text("Tên hệ thống thông tin: " + systemName + "."));
		body.add(new OfficialDocument.Text("Đơn vị vận hành: " + unit.map(UnitRef::name).orElse("") + "."));
		body.add(new OfficialDocument.Text("Cấp độ đề xuất: cấp độ " + d.level() + ". Trạng thái hồ sơ: "
				+ text("levels.dossier.status." + d.status()) + "."));
		if (d.relevelling()) {
			body.add(new OfficialDocument.Text("Xác định lại cấp độ (thay cho hồ sơ số " + d.relevelOfId()
					+ "). Hệ thống đã thay đổi: " + d.relevelReason()));
		}

		body.add(new OfficialDocument.Text("2. Xác định cấp độ", true));
		Optional<Determination> determination = determinations.find(d.determinationId());
		determination.ifPresent(det -> {
			List<List<String>> answers = new ArrayList<>();
			for (FrameworkItem question : framework.ofKind(ItemKind.QUESTION)) {
				String value = det.answers().get(question.key());
				String answer = question.answers()
					.stream()
					.filter(a -> a.value().equals(value))
					.map(a -> a.vi())
					.findFirst()
					.orElse(value == null ? "" : value);
				answers.add(List.of(question.text().vi(), answer));
			}
			if (!answers.isEmpty()) {
				body.add(new OfficialDocument.Table(List.of("Câu hỏi", "Trả lời"), answers, new float[] { 6, 4 }));
			}
			String range = det.proposedMin() == det.proposedMax() ? "cấp độ " + det.proposedMin()
					: "từ cấp độ " + det.proposedMin() + " đến cấp độ " + det.proposedMax();
			body.add(new OfficialDocument.Text("Theo quy tắc của khung, hệ thống ở " + range + "."));
			List<List<String>> rules = det.decidingRules()
				.stream()
				.map(framework::item)
				.flatMap(Optional::stream)
				.map(rule -> List.of(rule.key(), rule.text().vi(), nullToEmpty(rule.reference()),
						rule.verified() ? "Đã kiểm chứng" : "Chưa kiểm chứng"))
				.toList();
			if (rules.isEmpty()) {
				body.add(new OfficialDocument.Text("Không quy tắc nào khớp với các câu trả lời; khung để ngỏ mọi cấp độ."));
			}
			else {
				body.add(new OfficialDocument.Text("Quy tắc quyết định cấp độ:"));
				body.add(new OfficialDocument.Table(List.of("Quy tắc", "Nội dung", "Căn cứ", "Kiểm chứng"), rules,
						new float[] { 1.2f, 5, 2.3f, 1.8f }));
			}
			if (det.justification() != null) {
				body.add(new OfficialDocument.Text("Lý do chọn cấp độ " + det.chosenLevel() + ": " + det.justification()));
			}
		});

		body.add(new OfficialDocument.Text("3. Khung quy định và thành phần hồ sơ", true));
		body.add(new OfficialDocument.Text("Khung quy định: " + version.name().vi() + " (" + version.code()
				+ ", phiên bản " + version.version() + "). Căn cứ: " + nullToEmpty(version.legalBasis()) + "."));
		List<List<String>> parts = new ArrayList<>();
		int position = 1;
		for (FrameworkItem part : view.parts()) {
			List<Attachment> files = view.attachmentsOf(part.key());
			String covered = files.isEmpty() ? "Chưa có tệp"
					: String.join("\n", files.stream().map(Attachment::fileName).toList());
			parts.add(List.of(Integer.toString(position++), part.text().vi(), nullToEmpty(part.reference()), covered));
		}
		body.add(new OfficialDocument.Table(List.of("STT", "Thành phần hồ sơ", "Căn cứ", "Tệp kèm theo"), parts,
				new float[] { 0.8f, 4.5f, 2.2f, 3 }));
		List<String> bodies = new ArrayList<>();
		for (DossierBody role : DossierBody.values()) {
			List<FrameworkItem> named = view.bodies().getOrDefault(role, List.of());
			if (!named.isEmpty()) {
				bodies.add(text("levels.dossier.body." + role.name()) + ": "
						+ String.join("; ", named.stream().map(b -> b.text().vi()).toList()));
			}
		}
		if (!bodies.isEmpty()) {
			body.add(new OfficialDocument.Text(String.join("\n", bodies)));
		}

		body.add(new OfficialDocument.Text("4. Quá trình xử lý hồ sơ", true));
		List<List<String>> timeline = new ArrayList<>();
		for (DossierEvent event : view.timeline()) {
			timeline.add(List.of(event.at().atZoneSameInstant(LevelDeterminations.VIETNAM).format(MOMENT),
					text("levels.dossier.event." + event.action()), text("levels.dossier.status." + event.to()),
					event.actor(), nullToEmpty(event.comment())));
		}
		body.add(new OfficialDocument.Table(List.of("Thời điểm", "Bước", "Trạng thái", "Người thực hiện", "Ý kiến"),
				timeline, new float[] { 2.2f, 2.5f, 2, 2, 3.3f }));

		if (d.decision() != null && (d.status() == DossierStatus.APPROVED || d.status() == DossierStatus.SUPERSEDED)) {
			body.add(new OfficialDocument.Text("5. Quyết định phê duyệt cấp độ", true));
			body.add(new OfficialDocument.Text("Cấp độ " + d.level() + " đã được phê duyệt tại Quyết định số "
					+ d.decision().number() + " ngày " + d.decision().date().format(DAY) + ", người ký: "
					+ d.decision().signer() + "."));
		}

		String addressee = view.bodies()
			.getOrDefault(DossierBody.APPRAISER, List.of())
			.stream()
			.map(b -> b.text().vi())
			.findFirst()
			.map(b -> "Kính gửi: " + b)
			.orElse(null);
		return new OfficialDocument(parent.map(UnitRef::name).orElse(null), unit.map(UnitRef::name).orElse(""),
				"Số: " + d.id() + "/HSCĐ", "V/v đề xuất cấp độ an toàn hệ thống thông tin",
				OfficialDocument.placeAndDate(place(unit), printedOn(view)), "Hồ sơ đề xuất cấp độ",
				"Hệ thống thông tin: " + systemName, addressee, body, "Nơi nhận:",
				List.of("- Như trên;", "- Lưu: VT."), new OfficialDocument.Signature(null, "THỦ TRƯỞNG ĐƠN VỊ", null));
	}

	/** The day the dossier was last sent (submitted or resubmitted), or opened while it is a draft. */
	private static LocalDate printedOn(LevelDossiers.View view) {
		return view.timeline()
			.stream()
			.filter(e -> e.action().equals("SUBMIT") || e.action().equals("RESUBMIT") || e.action().equals("CREATE")
					|| e.action().equals("RELEVEL"))
			.reduce((first, second) -> second)
			.map(e -> e.at().atZoneSameInstant(LevelDeterminations.VIETNAM).toLocalDate())
			.orElse(view.dossier().createdAt().atZoneSameInstant(LevelDeterminations.VIETNAM).toLocalDate());
	}

	/** The place line names the province: the root of the unit's tree, without "Tỉnh"/"Thành phố". */
	private String place(Optional<UnitRef> unit) {
		Optional<UnitRef> current = unit;
		// bounded by the tree's depth
		for (int depth = 0; depth < 64 && current.isPresent() && current.get().parentId() != null; depth++) {
			current = units.find(current.get().parentId());
		}
		String name = current.map(UnitRef::name).orElse("");
		for (String prefix : List.of("UBND tỉnh ", "Tỉnh ", "tỉnh ", "Thành phố ", "thành phố ")) {
			if (name.startsWith(prefix)) {
				return name.substring(prefix.length());
			}
		}
		return name;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, VIETNAMESE);
	}

	/** A name meant for one line: its line breaks become spaces (the layout already drops other controls). */
	private static String oneLine(String value) {
		return value == null ? "" : value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
