package vn.camguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `camguard` command line: scan cameras, start the camera lab. */
@Command(name = "camguard", mixinStandardHelpOptions = true, version = "CamGuard 0.1.0",
		description = "Finds unsafe IP cameras and recorders, non-destructively.",
		subcommands = {ScanCommand.class, LabCommand.class})
public final class CamGuardCli {

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The configured command line, also used by tests to run commands in-process. */
	public static CommandLine commandLine() {
		// picocli answers invalid input with exit code 2 (CommandLine.ExitCode.USAGE), as the scan contract wants.
		return new CommandLine(new CamGuardCli());
	}

}
