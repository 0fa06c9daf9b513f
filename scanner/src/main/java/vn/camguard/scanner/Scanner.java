package vn.camguard.scanner;

import vn.camguard.scanner.check.DeviceContext;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.fingerprint.FingerprintRules;
import vn.camguard.scanner.fingerprint.Fingerprinter;
import vn.camguard.scanner.fingerprint.VendorCatalogue;
import vn.camguard.scanner.scan.DeviceScan;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The scan engine: one virtual thread per device, at most {@code concurrency} devices at once, every
 * request read-only. {@link #scan} blocks until every target is done and hands each {@link DeviceReport} to
 * the sink as soon as its device is finished (one at a time, so the sink needs no locking).
 */
public final class Scanner {

	private final ScanRequest request;

	private final DeviceScan deviceScan;

	public Scanner(ScanRequest request) {
		this.request = request;
		RateLimit rateLimit = new RateLimit(request.ratePerSecond(), request.hostRatePerSecond());
		Connector connector = new Connector(request.connectTimeout(), request.readTimeout(), rateLimit);
		VendorCatalogue vendors = VendorCatalogue.load();
		DeviceContext.Tools tools = new DeviceContext.Tools(connector, DefaultCredentials.load(vendors),
				CveCatalogue.load(), request.maxCredentialAttempts());
		this.deviceScan = new DeviceScan(request, tools, new Fingerprinter(FingerprintRules.load(), vendors), vendors,
				rateLimit);
	}

	/** Scans every target not in {@link ScanRequest#skip()}; returns when all are done or the thread is interrupted. */
	public void scan(Consumer<DeviceReport> sink) throws InterruptedException {
		Semaphore slots = new Semaphore(request.concurrency());
		ReentrantLock sinkLock = new ReentrantLock();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (InetAddress host : request.targets()) {
				if (request.skip().contains(host.getHostAddress())) {
					continue;
				}
				slots.acquire();
				threads.submit(() -> {
					try {
						DeviceReport report = deviceScan.run(host);
						sinkLock.lock();
						try {
							sink.accept(report);
						}
						finally {
							sinkLock.unlock();
						}
					}
					finally {
						slots.release();
					}
				});
			}
		}
	}

}
