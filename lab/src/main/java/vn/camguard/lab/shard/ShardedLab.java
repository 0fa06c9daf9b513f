package vn.camguard.lab.shard;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.LabManifest;
import vn.camguard.lab.RunningLab;

/**
 * Runs a fleet too big for one process's file descriptors as several child JVMs (same classpath), each
 * owning a contiguous slice. The manifest is the fleet's own truth, so the parent needs nothing back but
 * each shard's READY line. Closing stops every child.
 */
public final class ShardedLab implements Closeable {

	/** Devices per shard: at most 7 descriptors each plus the connection budget stays under ~12,000. */
	public static final int DEFAULT_SHARD_SIZE = 1_400;

	private static final int FD_BUDGET = 12_000;

	/** The most listeners a device has: six TCP ports (23, 80, 443, 554 and two vendor ports) and UDP 3702. */
	private static final int FDS_PER_DEVICE = 7;

	private static final long START_TIMEOUT_SECONDS = 180;

	static final String SHARD_OPTIONS_VARIABLE = "CAMGUARD_LAB_SHARD_JAVA_OPTS";

	// C1 only: each shard would otherwise spend much of a short bench C2-compiling the same TLS and HTTP code
	// (measured: lab CPU -30% for a 3,000-device scan); a simulator needs no peak speed.
	// A fixed, pre-touched 768 MB heap with a 512 MB young generation and survivor spaces of 64 MB: with 256 MB,
	// the ~120 MB that a shard's listeners keep alive forced a full collection every few seconds of a scan; with
	// a 192 MB young generation, the connections in flight at each collection overflowed its 20 MB survivor
	// space into the old generation, which then filled up with them (measured on 10,000 devices, a warm-up and
	// two scans: 73 collections taking 3.9-4.3 s against 28 taking 1.3 s; lab CPU -6 to -12% per scan).
	// Pre-touching moves the page faults to start-up.
	// One carrier thread per shard: the shards together already outnumber the cores, and a second carrier in
	// each mostly parked and woke again, one futex round and context switch after another (measured: lab CPU
	// -10 to -13% for a 3,000-device scan, same answers).
	private static final List<String> DEFAULT_SHARD_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xms768m", "-Xmx768m", "-Xmn512m", "-XX:SurvivorRatio=6", "-XX:+AlwaysPreTouch",
			"-Djdk.virtualThreadScheduler.parallelism=1");

	private final List<Process> children;

	private final List<Path> files;

	private ShardedLab(List<Process> children, List<Path> files) {
		this.children = children;
		this.files = files;
	}

	/** Starts with this JVM's java binary and classpath. */
	public static RunningLab start(FleetSpec fleet, int shardSize, Consumer<String> progress) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return start(fleet, shardSize, java, System.getProperty("java.class.path"), progress);
	}

	public static RunningLab start(FleetSpec fleet, int shardSize, String java, String classpath,
			Consumer<String> progress) throws IOException {
		// The listeners must leave room for a full connection budget: a shard squeezed to fewer connections
		// drops a fast scan's connections like an overloaded device (measured: 94 s instead of 20 s for
		// 10,000 devices at 1,714 per shard, which left 256 connections each).
		int largest = (FD_BUDGET - Lab.DEFAULT_MAX_CONNECTIONS) / FDS_PER_DEVICE;
		if (shardSize < 1 || shardSize > largest) {
			throw new IllegalArgumentException("shard size must be within 1.." + largest + ", got " + shardSize);
		}
		int maxConnections = Lab.DEFAULT_MAX_CONNECTIONS;
		List<Process> children = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		ShardedLab shards = new ShardedLab(children, files);
		try {
			List<DeviceSpec> devices = fleet.devices();
			int count = (devices.size() + shardSize - 1) / shardSize;
			List<CompletableFuture<String>> ready = new ArrayList<>();
			for (int shard = 0; shard < count; shard++) {
				FleetSpec slice = fleet.slice(shard * shardSize, Math.min(devices.size(), (shard + 1) * shardSize));
				Path file = Files.createTempFile("camguard-lab-shard-", ".json");
				files.add(file);
				Files.writeString(file, slice.toJson());
				List<String> command = new ArrayList<>(List.of(java));
				command.addAll(shardJvmOptions());
				command.addAll(List.of("-cp", classpath, LabShard.class.getName(), file.toString(),
						String.valueOf(maxConnections)));
				Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
				children.add(child);
				ready.add(CompletableFuture.supplyAsync(() -> readyLine(child), runnable -> Thread.ofVirtual()
						.start(runnable)));
			}
			for (int shard = 0; shard < count; shard++) {
				String line = ready.get(shard).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				if (line == null || !line.startsWith("READY")) {
					throw new IOException("lab shard " + (shard + 1) + " did not start: " + line);
				}
				progress.accept("shard " + (shard + 1) + "/" + count + " " + line.toLowerCase());
			}
		}
		catch (IOException | RuntimeException e) {
			shards.close();
			throw e;
		}
		catch (InterruptedException e) {
			shards.close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while starting lab shards", e);
		}
		catch (ExecutionException | TimeoutException e) {
			shards.close();
			throw new IOException("lab shards did not become ready: " + e, e);
		}
		return RunningLab.of(new LabManifest(fleet.devices().stream().map(DeviceSpec::truth).toList()), shards);
	}

	/**
	 * JVM options of each shard: {@value #SHARD_OPTIONS_VARIABLE} when set (to profile a shard, say; it replaces
	 * the heap options too), else {@link #DEFAULT_SHARD_OPTIONS}.
	 */
	private static List<String> shardJvmOptions() {
		String options = System.getenv(SHARD_OPTIONS_VARIABLE);
		if (options != null && !options.isBlank()) {
			return List.of(options.strip().split("\\s+"));
		}
		return DEFAULT_SHARD_OPTIONS;
	}

	/**
	 * The child's READY line, or its last line before it stopped talking; lines before READY (a JVM option
	 * that reports itself on standard output, such as a compiler directives file) are skipped, a few at most.
	 */
	private static String readyLine(Process child) {
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line = reader.readLine();
			for (int skipped = 0; line != null && !line.startsWith("READY") && skipped < 20; skipped++) {
				line = reader.readLine();
			}
			return line;
		}
		catch (IOException e) {
			return "FAILED " + e.getMessage();
		}
	}

	/** Asks every child to stop (stdin EOF), then ends those that do not. */
	@Override
	public void close() {
		for (Process child : children) {
			try {
				child.getOutputStream().close();
			}
			catch (IOException ignored) {
				// the child is gone already
			}
		}
		for (Process child : children) {
			try {
				if (!child.waitFor(10, TimeUnit.SECONDS)) {
					child.destroy();
					if (!child.waitFor(5, TimeUnit.SECONDS)) {
						child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
					}
				}
			}
			catch (InterruptedException e) {
				child.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a temp file left behind is harmless
			}
		}
	}

}
