package vn.camguard.scanner.realservers;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Third-party server programs (Debian packages) a test class starts on loopback addresses and stops at its end:
 * one set per class, each a {@link RealServer} whose log and configuration live in the class's temporary directory,
 * which goes with them.
 */
final class ServerProcesses implements AutoCloseable {

	private final Path directory;

	private final List<RealServer> started = new ArrayList<>();

	ServerProcesses(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return directory;
	}

	/** Runs {@code command} in the directory and waits for it to end (key and certificate tools). */
	void run(String... command) throws IOException, InterruptedException {
		Path log = directory.resolve("tool.log");
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
		}
	}

	/** Starts {@code command} (a server) and returns once {@code address:port} accepts a TCP connection. */
	void start(String name, String address, int port, String... command) throws IOException, InterruptedException {
		started.add(RealServer.start(name, List.of(command), directory.resolve(name + ".log"),
				InetAddress.getByName(address), port));
	}

	/** Stops the servers and removes the directory (keys, certificates, logs). */
	@Override
	public void close() {
		started.forEach(RealServer::close);
		try (var files = Files.walk(directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// A temporary directory left behind costs nothing but space.
		}
	}

}
