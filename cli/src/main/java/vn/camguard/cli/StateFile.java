package vn.camguard.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resume journal: one line per finished host, {@code address TAB report-bytes TAB findings}, appended right
 * after the host's report reached the results file. report-bytes is the length of the results file at that
 * moment, so on resume the results file is cut back to what the journal vouches for: a report written just
 * before a kill whose journal line was not (or a report line cut in half) is dropped and its host scanned again,
 * never written twice. findings lets the exit code of a resumed scan cover the hosts of the earlier runs.
 */
final class StateFile implements Closeable {

	private static final Pattern ENTRY = Pattern.compile("([0-9a-fA-F.:]{2,45})(?:\t(\\d{1,18})\t(\\d{1,9}))?");

	/**
	 * What the earlier runs finished: reportBytes is the results file length the journal vouches for, -1 when
	 * unknown (a journal of an older version, address lines only: the results file is then kept as it is).
	 */
	record Journal(Set<String> finished, long reportBytes, long hostsWithFindings) {

		static final Journal EMPTY = new Journal(Set.of(), 0, 0);

	}

	private final FileChannel out;

	private StateFile(FileChannel out) {
		this.out = out;
	}

	/**
	 * Reads the journal and cuts off a last line a kill left unfinished (only lines ending in a newline were
	 * written whole), so lines appended next start on a line of their own.
	 */
	static Journal recover(Path file) throws IOException {
		if (!Files.exists(file)) {
			return Journal.EMPTY;
		}
		String text = Files.readString(file, StandardCharsets.ISO_8859_1);
		int complete = text.lastIndexOf('\n') + 1;
		Set<String> done = new HashSet<>();
		long reportBytes = 0;
		long withFindings = 0;
		for (String line : text.substring(0, complete).split("\n")) {
			Matcher entry = ENTRY.matcher(line.strip());
			if (!entry.matches()) {
				continue;
			}
			done.add(entry.group(1));
			if (entry.group(2) == null) {
				reportBytes = -1;
			}
			else {
				if (reportBytes >= 0) {
					reportBytes = Long.parseLong(entry.group(2));
				}
				if (Long.parseLong(entry.group(3)) > 0) {
					withFindings++;
				}
			}
		}
		if (complete < text.length()) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
				channel.truncate(complete);
			}
		}
		return new Journal(done, reportBytes, withFindings);
	}

	static StateFile open(Path file, boolean append) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
		return new StateFile(channel);
	}

	/** Records a host whose report (if any) is in the results file, which is now reportBytes long. */
	void finished(String address, long reportBytes, int findings) throws IOException {
		// Unbuffered: the line is in the file before the next host's report is written. A kill inside the write
		// leaves a line without its newline, which recover() drops.
		ByteBuffer line = StandardCharsets.ISO_8859_1
				.encode(String.format(Locale.ROOT, "%s\t%d\t%d\n", address, reportBytes, findings));
		while (line.hasRemaining()) {
			out.write(line);
		}
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
