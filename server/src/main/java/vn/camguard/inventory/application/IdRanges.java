package vn.camguard.inventory.application;

import java.util.Collection;
import java.util.TreeSet;

/** Writes a set of ids compactly as ranges ("1-1000,1005"), as import audit entries keep them. */
final class IdRanges {

	private IdRanges() {
	}

	static String of(Collection<Long> ids) {
		StringBuilder out = new StringBuilder();
		Long start = null;
		Long previous = null;
		for (Long id : new TreeSet<>(ids)) {
			if (previous != null && id == previous + 1) {
				previous = id;
				continue;
			}
			append(out, start, previous);
			start = id;
			previous = id;
		}
		append(out, start, previous);
		return out.toString();
	}

	private static void append(StringBuilder out, Long start, Long end) {
		if (start == null) {
			return;
		}
		if (!out.isEmpty()) {
			out.append(',');
		}
		out.append(start);
		if (!end.equals(start)) {
			out.append('-').append(end);
		}
	}

}
