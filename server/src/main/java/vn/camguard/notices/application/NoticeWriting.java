package vn.camguard.notices.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.camguard.notices.domain.Notice;
import vn.camguard.shared.document.OfficialDocument;

/**
 * Writes a notice in the subscriber's language: the e-mail from the plain-text template
 * {@code templates/notices/mail.txt} and the letter in the official-document layout, both worded by the
 * {@code notices} message bundle. A device's text goes into both as text, on one line.
 */
@Component
public class NoticeWriting {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	private final SpringTemplateEngine mailTemplates;

	private final ZoneId zone;

	private final String province;

	NoticeWriting(MessageSource messages, Clock provinceClock,
			@Value("${camguard.province.name:}") String province) {
		this.messages = messages;
		this.zone = provinceClock.getZone();
		this.province = province;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/notices/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		this.mailTemplates = engine;
	}

	/** A finding as the mail and the letter list it. */
	public record Line(int number, String address, String port, String checkId, String severity, String title,
			String lastSeen) {
	}

	public Locale locale(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
	}

	public String subject(Notice notice, String organizationName) {
		return messages.getMessage("notices.mail.subject",
				new Object[] { oneLine(organizationName), notice.reference() }, locale(notice.language()));
	}

	public String mailText(Notice notice, String organizationName) {
		Context context = new Context(locale(notice.language()));
		context.setVariable("notice", notice);
		context.setVariable("subscriberName", oneLine(notice.subscriberName()));
		context.setVariable("organization", oneLine(organizationName));
		context.setVariable("lines", lines(notice));
		return mailTemplates.process("mail", context);
	}

	public OfficialDocument letter(Notice notice, String organizationName, LocalDate day) {
		Locale locale = locale(notice.language());
		List<OfficialDocument.Block> body = new ArrayList<>();
		body.add(new OfficialDocument.Text(text("notices.letter.intro", locale, organizationName,
				Integer.toString(notice.findings().size()))));
		List<List<String>> rows = new ArrayList<>();
		for (Line line : lines(notice)) {
			rows.add(List.of(Integer.toString(line.number()), line.address() + line.port(), line.title(),
					line.severity(), line.lastSeen()));
		}
		body.add(new OfficialDocument.Table(List.of(text("notices.letter.column.number", locale),
				text("notices.letter.column.address", locale), text("notices.letter.column.weakness", locale),
				text("notices.letter.column.severity", locale), text("notices.letter.column.last-seen", locale)),
				rows, new float[] { 6, 22, 44, 12, 16 }));
		body.add(new OfficialDocument.Text(text("notices.letter.advice", locale)));
		body.add(new OfficialDocument.Text(text("notices.letter.contact", locale, organizationName)));
		return new OfficialDocument(null, organizationName, text("notices.letter.number", locale, notice.reference()),
				text("notices.letter.subject", locale), OfficialDocument.placeAndDate(place(), day),
				text("notices.letter.title", locale), text("notices.letter.title-excerpt", locale),
				text("notices.letter.addressee", locale, notice.subscriberName(), notice.subscriberCode()), body,
				text("notices.letter.recipients", locale),
				List.of(text("notices.letter.recipient.addressee", locale), text("notices.letter.recipient.file", locale)),
				new OfficialDocument.Signature(text("notices.letter.signature.authority", locale),
						text("notices.letter.signature.position", locale), null));
	}

	public List<Line> lines(Notice notice) {
		List<Line> lines = new ArrayList<>();
		int n = 1;
		for (Notice.NoticeFinding f : notice.findings()) {
			lines.add(new Line(n++, f.address(), f.port() == null ? "" : ":" + f.port(), f.checkId(), f.severity(),
					oneLine(f.title()), DAY.format(f.lastSeen().atZone(zone))));
		}
		return lines;
	}

	/** The province name without its "Tỉnh"/"Thành phố" prefix, as a letter's place line has it. */
	String place() {
		return province.replaceFirst("^(Tỉnh|Thành phố)\\s+", "");
	}

	public String provinceName() {
		return province;
	}

	public ZoneId zone() {
		return zone;
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** A device's or subscriber's text on one line: no control character can start a line or a header of its own. */
	static String oneLine(String value) {
		return value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip();
	}

}
