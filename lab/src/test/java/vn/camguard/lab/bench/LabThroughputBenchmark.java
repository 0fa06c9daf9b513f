package vn.camguard.lab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.LabManifest;
import vn.camguard.lab.RunningLab;

/**
 * Not a test: prints how long a lab of N devices takes to start and how many RTSP OPTIONS exchanges
 * (one connection each) it serves per second, client and lab in this one JVM on 127.101.0.0+.
 * Run: {@code java -cp <test-classes:classes:deps> vn.camguard.lab.bench.LabThroughputBenchmark [devices] [rounds]},
 * or against a lab already running (e.g. a sharded CLI lab) with {@code [rounds] --manifest FILE}.
 */
public final class LabThroughputBenchmark {

	private LabThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[1].equals("--manifest")) {
			measure(LabManifest.read(Path.of(args[2])).devices(), Integer.parseInt(args[0]));
			return;
		}
		int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		long start = System.nanoTime();
		try (RunningLab lab = Lab.start(FleetSpec.random(devices, 1L, "127.101.0.0"))) {
			System.out.printf("start: %d devices in %d ms%n", devices, (System.nanoTime() - start) / 1_000_000);
			measure(lab.manifest().devices(), rounds);
		}
	}

	private static void measure(List<DeviceTruth> all, int rounds) throws InterruptedException {
		for (int round = 0; round < rounds; round++) {
			AtomicInteger ok = new AtomicInteger();
			Semaphore inFlight = new Semaphore(500);
			long t = System.nanoTime();
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				for (DeviceTruth device : all) {
					inFlight.acquire();
					pool.submit(() -> {
						try {
							if (options(device.address())) {
								ok.incrementAndGet();
							}
						}
						finally {
							inFlight.release();
						}
					});
				}
			}
			double seconds = (System.nanoTime() - t) / 1e9;
			System.out.printf("round %d: %d/%d RTSP OPTIONS in %.3f s = %.0f/s%n", round + 1, ok.get(), all.size(),
					seconds, all.size() / seconds);
		}
	}

	private static boolean options(String address) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, 554), 2_000);
			socket.setSoTimeout(2_000);
			socket.getOutputStream().write(("OPTIONS rtsp://" + address + "/ RTSP/1.0\r\nCSeq: 1\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			byte[] head = in.readNBytes(15);
			return new String(head, StandardCharsets.US_ASCII).equals("RTSP/1.0 200 OK");
		}
		catch (IOException e) {
			return false;
		}
	}

}
