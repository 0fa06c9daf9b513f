package vn.camguard.scanner.realservers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A third-party server program run for a test on a loopback address, killed (with whatever it started) when
 * closed. Its output goes to a log file beside its configuration, which a failing test can point to.
 */
final class RealServer implements AutoCloseable {

	private static final Duration START_LIMIT = Duration.ofSeconds(15);

	private final String name;

	private final Process process;

	private final Path log;

	final InetAddress address;

	final int port;

	private RealServer(String name, Process process, Path log, InetAddress address, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.address = address;
		this.port = port;
	}

	/**
	 * Starts {@code command} (its output to {@code log}) and waits until {@code address:port} accepts a
	 * connection, at most 15 s; standard input stays open (a server that ends when it closes ends with the test).
	 * It runs in the log's folder, where its configuration lives, so relative paths in it resolve there.
	 */
	static RealServer start(String name, List<String> command, Path log, InetAddress address, int port)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		RealServer server = new RealServer(name, process, log, address, port);
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				server.close();
				throw new IllegalStateException(name + " ended at start: " + Files.readString(log));
			}
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress(address, port), 500);
				return server;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		server.close();
		throw new IllegalStateException(name + " did not listen on " + address.getHostAddress() + ":" + port
				+ " within " + START_LIMIT + ": " + Files.readString(log));
	}

	/** Skips the test class, saying what to install, unless {@code program} is there. */
	static void assumeInstalled(String program, String debianPackages) {
		assumeTrue(Files.isExecutable(Path.of(program)),
				program + " is not installed: real-server tests need the Debian packages " + debianPackages);
	}

	/** Skips the test class unless {@code command} runs and succeeds (e.g. a Python module that imports). */
	static void assumeRuns(List<String> command, String debianPackages) throws InterruptedException {
		boolean ran;
		try {
			Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (InputStream out = probe.getInputStream()) {
				out.readAllBytes();
			}
			ran = probe.waitFor() == 0;
		}
		catch (IOException ex) {
			ran = false;
		}
		assumeTrue(ran, String.join(" ", command) + " failed: real-server tests need the Debian packages "
				+ debianPackages);
	}

	/** A loopback address of its own (127.x.y.z, away from the lab's 127.20-127.23 and 127.100). */
	static InetAddress freeAddress() throws IOException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int tries = 0; tries < 50; tries++) {
			InetAddress candidate = InetAddress.getByAddress(new byte[] { 127, (byte) (180 + random.nextInt(60)),
					(byte) random.nextInt(256), (byte) (1 + random.nextInt(254)) });
			if (bindable(candidate, 0)) {
				return candidate;
			}
		}
		throw new IOException("no free loopback address");
	}

	/** A port nobody listens on at {@code address}. */
	static int freePort(InetAddress address) throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(address, 0));
			return socket.getLocalPort();
		}
	}

	/**
	 * {@code wanted} (a service's standard port) when this process may bind it, else a free high port: binding
	 * below 1024 needs root, which CI may not have. Either way the scanner is told only the port.
	 */
	static int standardOrFreePort(InetAddress address, int wanted) throws IOException {
		return bindable(address, wanted) ? wanted : freePort(address);
	}

	private static boolean bindable(InetAddress address, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(address, port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return name + " on " + address.getHostAddress() + ":" + port;
	}

	@Override
	public void close() {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
