package vn.camguard.scanner.realservers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Third-party server programs (Debian packages) a test class starts on loopback addresses and stops at its end:
 * one set per class. Each is waited for until its port accepts connections (bounded), and its output goes to a
 * log file in the class's temporary directory, shown when it does not come up.
 */
final class ServerProcesses implements AutoCloseable {

	private final Path directory;

	private final List<Process> started = new ArrayList<>();

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
		Path log = directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		started.add(process);
		for (int attempt = 0; attempt < 100; attempt++) {
			if (!process.isAlive() && process.exitValue() != 0) {
				break;
			}
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress(address, port), 200);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IOException(name + " did not listen on " + address + ":" + port + ":\n" + Files.readString(log));
	}

	/** Stops the servers and removes the directory (keys, certificates, logs). */
	@Override
	public void close() throws InterruptedException {
		for (Process process : started) {
			process.destroy();
		}
		for (Process process : started) {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		try (var files = Files.walk(directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// A temporary directory left behind costs nothing but space.
		}
	}

}
