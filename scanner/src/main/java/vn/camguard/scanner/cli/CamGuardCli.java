package vn.camguard.scanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `camguard` command line: scan cameras, start the camera lab. */
@Command(name = "camguard", mixinStandardHelpOptions = true, version = "CamGuard 0.1.0",
		description = "Finds unsafe IP cameras and recorders, non-destructively.")
public final class CamGuardCli {

	public static void main(String[] args) {
		System.exit(new CommandLine(new CamGuardCli()).execute(args));
	}

}
