package vn.camguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.shard.ShardedLab;

/** {@code camguard lab}: starts simulated cameras and recorders on loopback addresses until Ctrl-C or a duration. */
@Command(name = "lab", mixinStandardHelpOptions = true,
		description = "Starts simulated cameras and recorders, each on its own 127.x.y.z address.")
public final class LabCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--cameras", defaultValue = "300", description = "Devices in a random fleet (default: ${DEFAULT-VALUE}).")
	int cameras;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the random fleet (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--subnet", defaultValue = "127.100.0.0",
			description = "Base loopback address; devices start at base+1 (default: ${DEFAULT-VALUE}).")
	String subnet;

	@Option(names = "--hostile", description = "Add one device of each hostile kind.")
	boolean hostile;

	@Option(names = "--latency-ms", defaultValue = "0", description = "Simulated network latency per round trip, in ms: before every answer, banner and TLS handshake flight, for every client alike.")
	int latencyMs;

	@Option(names = "--fleet", description = "Fleet description (YAML or JSON) instead of a random fleet.")
	Path fleetFile;

	@Option(names = "--manifest", description = "Write the ground-truth manifest (JSON) here.")
	Path manifestFile;

	@Option(names = "--duration", description = "Stop after this long, e.g. 30s, 10m, 2h (default: until Ctrl-C).")
	String duration;

	@Option(names = "--shard-size", defaultValue = "" + ShardedLab.DEFAULT_SHARD_SIZE,
			description = "Devices per process; bigger fleets run in child processes (default: ${DEFAULT-VALUE}).")
	int shardSize;

	public static void main(String[] args) {
		System.exit(new CommandLine(new LabCommand()).execute(args));
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		FleetSpec fleet;
		Duration runFor;
		try {
			fleet = fleetFile != null ? FleetSpec.parse(fleetFile) : FleetSpec.random(cameras, seed, subnet);
			fleet = fleet.withHostile(hostile || fleet.devices().stream().anyMatch(d -> d.hostile() != null));
			if (latencyMs != 0 || fleetFile == null) {
				fleet = fleet.withLatencyMs(latencyMs);
			}
			runFor = duration == null ? null : parseDuration(duration);
		}
		catch (IOException | IllegalArgumentException e) {
			err.println("lab: " + e.getMessage());
			return 2;
		}
		int total = fleet.devices().size();
		err.println("lab: starting " + total + " devices on " + fleet.addressRange());
		long started = System.nanoTime();
		RunningLab lab;
		try {
			lab = total > shardSize ? ShardedLab.start(fleet, shardSize, line -> err.println("lab: " + line))
					: Lab.start(fleet, Lab.DEFAULT_MAX_CONNECTIONS,
							n -> err.println("lab: " + n + "/" + total + " devices listening"));
			if (manifestFile != null) {
				lab.manifest().write(manifestFile);
			}
		}
		catch (IOException | IllegalArgumentException e) {
			err.println("lab: " + e.getMessage());
			return 1;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			lab.close();
			stopped.countDown();
		});
		Runtime.getRuntime().addShutdownHook(hook);
		out.printf(Locale.ROOT, "READY %d devices %s in %.1f s%s%n", total, fleet.addressRange(),
				(System.nanoTime() - started) / 1e9, manifestFile == null ? "" : " manifest " + manifestFile);
		out.flush();
		try {
			if (runFor == null) {
				stopped.await();
			}
			else if (!stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS)) {
				Runtime.getRuntime().removeShutdownHook(hook);
				lab.close();
				err.println("lab: stopped after " + duration);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			lab.close();
		}
		return 0;
	}

	static Duration parseDuration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (!value.matches("\\d{1,7}(ms|s|m|h)")) {
			throw new IllegalArgumentException("duration must look like 500ms, 30s, 10m or 2h: '" + text + "'");
		}
		String unit = value.replaceAll("\\d", "");
		long amount = Long.parseLong(value.substring(0, value.length() - unit.length()));
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

}
