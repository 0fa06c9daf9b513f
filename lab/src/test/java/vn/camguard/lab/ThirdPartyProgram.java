package vn.camguard.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program from Debian run against the lab with a bounded time; a test that needs one is skipped, saying
 * which package to install, when it is missing.
 */
record ThirdPartyProgram(String program, String debianPackage) {

	/** Skips the calling test unless the program is installed. */
	ThirdPartyProgram require() {
		assumeTrue(Files.isExecutable(Path.of(program)),
				program + " is missing: install the Debian package " + debianPackage + " (as .ci/run does)");
		return this;
	}

	/** Runs the program with these arguments; its standard output and error together. */
	String run(long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
		return run(null, timeoutSeconds, arguments);
	}

	String run(Path directory, long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>();
		command.add(program);
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		Process process = builder.start();
		byte[] output;
		try (var in = process.getInputStream()) {
			// the reading ends when the process ends or is destroyed below
			Thread killer = Thread.ofVirtual().start(() -> {
				try {
					if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
				catch (InterruptedException e) {
					process.destroyForcibly();
				}
			});
			output = in.readAllBytes();
			killer.join();
		}
		return new String(output, StandardCharsets.UTF_8);
	}

}
