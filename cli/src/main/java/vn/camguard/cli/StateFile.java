package vn.camguard.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The resume journal: one finished address per line, appended and flushed right after the host's report
 * was written, so a scan killed at any moment can continue without scanning a finished host again.
 */
final class StateFile implements Closeable {

	private final BufferedWriter out;

	private StateFile(BufferedWriter out) {
		this.out = out;
	}

	static Set<String> finished(Path file) throws IOException {
		Set<String> done = new HashSet<>();
		if (Files.exists(file)) {
			try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
				// A line cut by a kill is not a finished host: keep only well-formed addresses.
				lines.map(String::strip).filter(l -> l.matches("[0-9a-fA-F.:]{2,45}")).forEach(done::add);
			}
		}
		return done;
	}

	static StateFile open(Path file, boolean append) throws IOException {
		return new StateFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING));
	}

	void finished(String address) throws IOException {
		out.write(address);
		out.write('\n');
		out.flush();
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
