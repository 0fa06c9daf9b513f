package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.camguard.lab.shard.ShardedLab;

/** A fleet bigger than one shard runs as child processes on 127.10.32.0+, and stops cleanly. */
class ShardedLabTests {

	@Test
	void threeThousandDevicesInSixShardsComeUpAndShutDown() throws Exception {
		FleetSpec fleet = FleetSpec.random(3_000, 5L, "127.10.32.0");
		List<String> progress = new ArrayList<>();
		long start = System.nanoTime();
		LabManifest manifest;
		try (RunningLab lab = ShardedLab.start(fleet, 500, progress::add)) {
			System.out.printf("lab: 3000 devices in 6 shards listening after %d ms%n",
					(System.nanoTime() - start) / 1_000_000);
			manifest = lab.manifest();
			assertThat(progress).hasSize(6).allMatch(line -> line.contains("ready 500"));
			assertThat(manifest.devices()).hasSize(3_000);
			for (int i = 0; i < manifest.devices().size(); i += 97) {
				DeviceTruth device = manifest.devices().get(i);
				assertThat(LabStartTests.accepts(device.address(), 554)).as(device.id()).isTrue();
			}
			DeviceTruth last = manifest.devices().getLast();
			String options = WireClient.rtsp(last.address(), "OPTIONS", "rtsp://" + last.address() + "/", 11);
			assertThat(options).startsWith("RTSP/1.0 200 OK").contains("CSeq: 11");
		}
		for (int i = 0; i < manifest.devices().size(); i += 499) {
			assertThat(LabStartTests.accepts(manifest.devices().get(i).address(), 554)).isFalse();
		}
	}

	@Test
	void aShardTooBigToKeepItsConnectionBudgetIsRefusedBeforeAnythingStarts() {
		FleetSpec fleet = FleetSpec.random(3_000, 5L, "127.10.40.0");
		List<String> progress = new ArrayList<>();
		// 1,714 devices' listeners would leave a shard 256 connections: a fast scan's would be dropped
		assertThatThrownBy(() -> ShardedLab.start(fleet, 1_714, progress::add))
				.isInstanceOf(IllegalArgumentException.class).hasMessage("shard size must be within 1..1428, got 1714");
		assertThat(progress).isEmpty();
	}

}
