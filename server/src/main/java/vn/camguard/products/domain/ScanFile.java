package vn.camguard.products.domain;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scanner's JSON Lines report ({@code camguard scan --format jsonl}): one device per line, as the
 * scanner's {@code DeviceReport} record writes it. Read strictly, because a file that is not exactly
 * that is either damaged or something else: an unknown field, a missing part, a line that is not JSON
 * or a check id that is not the scanner's refuses the whole file.
 */
public final class ScanFile {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public static final int MAX_LINES = 100_000;

	private static final Pattern CHECK_ID = Pattern.compile("CG-[A-Z0-9-]{2,36}");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private ScanFile() {
	}

	/**
	 * One scanned address. Device text inside is untrusted and only ever shown as text. {@code mac} and
	 * {@code serial} are optional: the scanner writes them (empty when the device did not tell them), reports of
	 * older scanners lack them; a line that carries them is matched on them too.
	 */
	public record Line(String address, List<Integer> openPorts, Fingerprint fingerprint, List<Finding> findings,
			List<String> notes, long millis, String mac, String serial) {
	}

	/** A line with its line number in the file, for messages that name the rows. */
	public record Numbered(int number, Line line) {
	}

	public record Fingerprint(String vendor, String model, String firmware, String kind, List<Evidence> evidence) {
	}

	public record Finding(String checkId, String severity, String qcvnGroup, String title, List<Evidence> evidence,
			List<String> references) {
	}

	public record Evidence(String source, String detail) {
	}

	/** The file, refused whole with the line and the reason (a message key) when it is not a scan report. */
	public static List<Line> read(byte[] content) {
		return numbered(content).stream().map(Numbered::line).toList();
	}

	/** As {@link #read}, each line with its number in the file. */
	public static List<Numbered> numbered(byte[] content) {
		if (content.length == 0) {
			throw new ScanFileRefused(0, "products.scan.refused.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new ScanFileRefused(0, "products.scan.refused.too-big");
		}
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<Numbered> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), decoder))) {
			String text;
			int number = 0;
			while ((text = reader.readLine()) != null) {
				number++;
				if (text.isBlank()) {
					continue;
				}
				if (lines.size() >= MAX_LINES) {
					throw new ScanFileRefused(number, "products.scan.refused.too-big");
				}
				lines.add(new Numbered(number, line(text, number)));
			}
		}
		catch (CharacterCodingException ex) {
			throw new ScanFileRefused(0, "products.scan.refused.encoding");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (lines.isEmpty()) {
			throw new ScanFileRefused(0, "products.scan.refused.empty");
		}
		return List.copyOf(lines);
	}

	private static Line line(String text, int number) {
		Line line;
		try {
			line = JSON.readValue(text, Line.class);
		}
		catch (JacksonException ex) {
			throw new ScanFileRefused(number, "products.scan.refused.not-a-report");
		}
		if (line == null || line.address() == null || line.address().isBlank() || line.openPorts() == null
				|| line.fingerprint() == null || line.findings() == null || line.notes() == null) {
			throw new ScanFileRefused(number, "products.scan.refused.not-a-report");
		}
		for (Finding finding : line.findings()) {
			if (finding == null || finding.checkId() == null || !CHECK_ID.matcher(finding.checkId()).matches()) {
				throw new ScanFileRefused(number, "products.scan.refused.check-id");
			}
		}
		return line;
	}

	/** The file is not a scan report (or is damaged); nothing of it was used. */
	public static class ScanFileRefused extends RuntimeException {

		private final int lineNumber;

		private final String messageKey;

		public ScanFileRefused(int lineNumber, String messageKey) {
			super(messageKey + " at line " + lineNumber);
			this.lineNumber = lineNumber;
			this.messageKey = messageKey;
		}

		public int lineNumber() {
			return lineNumber;
		}

		public String messageKey() {
			return messageKey;
		}

		/** The rows that could not be matched without doubt, when that is why the file was refused. */
		public List<ScanMatching.Ambiguity> ambiguities() {
			return List.of();
		}

	}

}
