package vn.camguard.lab.shard;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.RunningLab;

/**
 * Entry point of one shard process: runs the slice of a fleet given as an explicit fleet file, says
 * {@code READY <n>} on stdout, and stops when its parent closes stdin (or dies).
 */
public final class LabShard {

	private LabShard() {
	}

	public static void main(String[] args) throws IOException {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		if (args.length != 2) {
			out.println("FAILED usage: LabShard <fleet.json> <max-connections>");
			System.exit(2);
		}
		RunningLab lab;
		try {
			FleetSpec fleet = FleetSpec.parse(Path.of(args[0]));
			lab = Lab.start(fleet, Integer.parseInt(args[1]), started -> {
			});
			out.println("READY " + fleet.devices().size());
		}
		catch (IOException | RuntimeException e) {
			out.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
		InputStream in = System.in;
		byte[] sink = new byte[64];
		while (in.read(sink) >= 0) {
			// the parent keeps stdin open while the shard should run
		}
		lab.close();
		System.exit(0);
	}

}
