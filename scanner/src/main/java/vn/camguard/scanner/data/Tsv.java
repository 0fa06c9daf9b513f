package vn.camguard.scanner.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The scanner's knowledge files: tab-separated rows shipped as class-path resources, {@code #} comments. */
public record Tsv(String resource, List<List<String>> rows) {

	public Tsv {
		rows = List.copyOf(rows);
	}

	/** Reads {@code name} next to this package's parent ({@code vn/camguard/scanner/<name>}). */
	public static Tsv load(String name) {
		String resource = "/vn/camguard/scanner/" + name;
		try (InputStream in = Tsv.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			List<List<String>> rows = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				rows.add(Arrays.stream(line.split("\t", -1)).map(String::strip).toList());
			}
			return new Tsv(resource, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Opens another resource of the scanner (e.g. a CSV) as a stream. */
	public static InputStream open(String name) {
		InputStream in = Tsv.class.getResourceAsStream("/vn/camguard/scanner/" + name);
		if (in == null) {
			throw new IllegalStateException("missing resource " + name);
		}
		return in;
	}

}
