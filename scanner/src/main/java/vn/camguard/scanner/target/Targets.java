package vn.camguard.scanner.target;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The hosts to scan: targets minus exclusions, checked against the scope. Iterates lazily so a /16
 * costs no memory up front.
 */
public final class Targets implements Iterable<InetAddress> {

	/** Refuse absurd sweeps; a province's camera ranges fit well inside. */
	public static final long MAX_HOSTS = 1L << 24;

	private final List<IPAddressSeqRange> include;

	private final long count;

	private Targets(List<IPAddressSeqRange> include) {
		this.include = include;
		long total = 0;
		for (IPAddressSeqRange range : include) {
			total += range.getCount().longValue();
		}
		this.count = total;
	}

	/**
	 * Builds the host list. Texts starting with {@code @} name files of targets (one per line, {@code #}
	 * comments). Every target must lie inside {@code scope}.
	 */
	public static Targets of(List<String> targets, List<String> exclusions, Scope scope) {
		List<TargetSpec> specs = expand(targets).stream().map(TargetSpec::parse).toList();
		if (specs.isEmpty()) {
			throw new TargetException("no targets given");
		}
		specs.forEach(scope::check);
		IPAddressSeqRange[] excluded = joined(expand(exclusions).stream()
				.flatMap(t -> TargetSpec.parse(t).ranges().stream()).toList());
		List<IPAddressSeqRange> ranges = new ArrayList<>();
		for (IPAddressSeqRange range : joined(specs.stream().flatMap(spec -> spec.ranges().stream()).toList())) {
			List<IPAddressSeqRange> left = List.of(range);
			for (IPAddressSeqRange cut : excluded) {
				if (cut.overlaps(range)) {
					left = left.stream().flatMap(p -> Arrays.stream(p.subtract(cut))).toList();
				}
			}
			ranges.addAll(left);
		}
		Targets result = new Targets(List.copyOf(ranges));
		if (result.count > MAX_HOSTS) {
			throw new TargetException("too many hosts (" + result.count + "); split the scan");
		}
		return result;
	}

	public long count() {
		return count;
	}

	@Override
	public Iterator<InetAddress> iterator() {
		return new Iterator<>() {
			private final Iterator<IPAddressSeqRange> ranges = include.iterator();

			private Iterator<? extends IPAddress> current = java.util.Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!current.hasNext() && ranges.hasNext()) {
					current = ranges.next().iterator();
				}
				return current.hasNext();
			}

			@Override
			public InetAddress next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return current.next().toInetAddress();
			}
		};
	}

	/**
	 * The fewest ranges covering the given ones, in address order (IPv4 before IPv6), so that overlapping
	 * targets are scanned once. Sorting and merging keeps this linear-logarithmic: a file of 100,000 single
	 * addresses must not cost a pairwise comparison of all of them.
	 */
	private static IPAddressSeqRange[] joined(List<IPAddressSeqRange> ranges) {
		List<IPAddressSeqRange> out = new ArrayList<>();
		for (boolean ipv4 : new boolean[] {true, false}) {
			IPAddressSeqRange[] family = ranges.stream().filter(r -> r.getLower().isIPv4() == ipv4)
					.toArray(IPAddressSeqRange[]::new);
			if (family.length > 0) {
				out.addAll(Arrays.asList(IPAddressSeqRange.join(family)));
			}
		}
		return out.toArray(IPAddressSeqRange[]::new);
	}

	private static List<String> expand(List<String> texts) {
		List<String> out = new ArrayList<>();
		for (String text : texts) {
			for (String part : text.split(",")) {
				String item = part.strip();
				if (item.startsWith("@")) {
					out.addAll(readFile(Path.of(item.substring(1))));
				}
				else if (!item.isEmpty()) {
					out.add(item);
				}
			}
		}
		return out;
	}

	private static String withoutComment(String line) {
		int hash = line.indexOf('#');
		return (hash >= 0 ? line.substring(0, hash) : line).strip();
	}

	private static List<String> readFile(Path file) {
		try {
			if (Files.size(file) > 16L * 1024 * 1024) {
				throw new TargetException("target file too large: " + file);
			}
			return Files.readAllLines(file).stream().map(Targets::withoutComment)
					.filter(l -> !l.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new TargetException("cannot read target file " + file + ": " + ex.getMessage());
		}
	}

}
