package vn.camguard.scanner.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsTests {

	static final Scope LAB = Scope.of(List.of("127.20.0.0/14"));

	static List<String> hosts(Targets targets) {
		List<String> out = new ArrayList<>();
		for (InetAddress a : targets) {
			out.add(a.getHostAddress());
		}
		return out;
	}

	@Test
	void parsesIpsCidrsAndBothRangeForms() {
		assertThat(TargetSpec.parse("127.20.0.1").count()).isEqualTo(1);
		assertThat(TargetSpec.parse("127.20.0.0/24").count()).isEqualTo(256);
		assertThat(TargetSpec.parse("127.20.0.10-127.20.1.9").count()).isEqualTo(256);
		assertThat(TargetSpec.parse("127.20.0.10-20").count()).isEqualTo(11);
		assertThat(TargetSpec.parse("::1").count()).isEqualTo(1);
	}

	@Test
	void resolvesHostNames() {
		assertThat(TargetSpec.parse("localhost").ranges()).isNotEmpty();
	}

	@Test
	void rejectsNonsenseWithAClearMessage() {
		assertThatThrownBy(() -> TargetSpec.parse("127.20.0.300")).isInstanceOf(TargetException.class);
		assertThatThrownBy(() -> TargetSpec.parse("127.20.0.9-127.20.0.1")).hasMessageContaining("backwards");
		assertThatThrownBy(() -> TargetSpec.parse("not a host!")).isInstanceOf(TargetException.class);
		assertThatThrownBy(() -> TargetSpec.parse("")).hasMessageContaining("empty");
	}

	@Test
	void readsTargetFilesAndAppliesExclusions(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("targets.txt");
		Files.writeString(file, "# lab block\n127.20.0.1-5\n\n127.20.0.9 # one more\n");
		Targets targets = Targets.of(List.of("@" + file), List.of("127.20.0.2,127.20.0.4"), LAB);
		assertThat(hosts(targets)).containsExactly("127.20.0.1", "127.20.0.3", "127.20.0.5", "127.20.0.9");
		assertThat(targets.count()).isEqualTo(4);
	}

	@Test
	void aLongShuffledTargetFileComesOutMergedInAddressOrder(@TempDir Path dir) throws Exception {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			lines.add("127.20." + (i / 250) + "." + (i % 250 + 1));
		}
		lines.addAll(lines.subList(0, 500));
		java.util.Collections.shuffle(lines, new java.util.Random(7));
		Path file = dir.resolve("many.txt");
		Files.write(file, lines);
		Targets targets = Targets.of(List.of("@" + file), List.of("127.20.0.0/24"), LAB);
		List<String> hosts = hosts(targets);
		assertThat(targets.count()).isEqualTo(20_000 - 250);
		assertThat(hosts).hasSize(20_000 - 250).doesNotHaveDuplicates().startsWith("127.20.1.1", "127.20.1.2")
				.endsWith("127.20.79.250");
	}

	@Test
	void ipv4ComesBeforeIpv6AndBothAreKept() {
		Scope both = Scope.of(List.of("127.20.0.0/14", "::1/128"));
		assertThat(hosts(Targets.of(List.of("::1", "127.20.0.2", "127.20.0.1"), List.of(), both)))
				.containsExactly("127.20.0.1", "127.20.0.2", "0:0:0:0:0:0:0:1");
	}

	@Test
	void overlappingTargetsAreScannedOnce() {
		assertThat(hosts(Targets.of(List.of("127.20.0.0/30", "127.20.0.1"), List.of(), LAB))).hasSize(4);
	}

	@Test
	void aTargetOutsideTheScopeIsRefusedBeforeAnything() {
		assertThatThrownBy(() -> Targets.of(List.of("127.20.0.1", "10.0.0.1"), List.of(), LAB))
				.isInstanceOf(TargetException.class).hasMessageContaining("outside the allowed scope")
				.hasMessageContaining("10.0.0.1");
		assertThatThrownBy(() -> Targets.of(List.of("127.23.255.0-127.24.0.5"), List.of(), LAB))
				.hasMessageContaining("outside the allowed scope");
	}

	@Test
	void theDefaultScopeIsLoopbackOnly() {
		assertThat(Scope.loopback().covers(TargetSpec.parse("127.20.0.0/16").ranges().getFirst())).isTrue();
		assertThat(Scope.loopback().covers(TargetSpec.parse("192.168.1.1").ranges().getFirst())).isFalse();
	}

	@Test
	void aTargetSpanningTwoAdjacentAllowedRangesIsAllowed() {
		Scope scope = Scope.of(List.of("127.20.0.0/24", "127.20.1.0/24"));
		assertThat(scope.covers(TargetSpec.parse("127.20.0.200-127.20.1.10").ranges().getFirst())).isTrue();
	}

}
