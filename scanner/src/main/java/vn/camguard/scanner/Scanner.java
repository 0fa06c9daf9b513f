package vn.camguard.scanner;

import vn.camguard.scanner.check.DeviceClients;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.fingerprint.FingerprintRules;
import vn.camguard.scanner.fingerprint.Fingerprinter;
import vn.camguard.scanner.fingerprint.VendorCatalogue;
import vn.camguard.scanner.rtsp.RtspRoutes;
import vn.camguard.scanner.scan.DeviceScan;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The scan engine: one virtual thread per device, at most {@code concurrency} devices at once, every
 * request read-only. {@link #scan} blocks until every target is done and hands each {@link DeviceReport} to
 * the sink as soon as its device is finished (one at a time, so the sink needs no locking). If the sink
 * throws, no further device is started and the exception is rethrown once the running ones are done.
 */
public final class Scanner {

	private final ScanRequest request;

	private final DeviceScan deviceScan;

	public Scanner(ScanRequest request) {
		this.request = request;
		RateLimit rateLimit = new RateLimit(request.ratePerSecond(), request.hostRatePerSecond());
		Connector connector = new Connector(request.connectTimeout(), request.readTimeout(), rateLimit);
		VendorCatalogue vendors = VendorCatalogue.load();
		DeviceClients.Tools tools = new DeviceClients.Tools(connector, DefaultCredentials.load(vendors),
				CveCatalogue.load(), request.maxCredentialAttempts(), request.loginPacing(), RtspRoutes.load(),
				request.rtspRouteBudget());
		this.deviceScan = new DeviceScan(request, tools, new Fingerprinter(FingerprintRules.load(), vendors), vendors,
				rateLimit);
	}

	/** Scans every target not in {@link ScanRequest#skip()}; returns when all are done or the thread is interrupted. */
	public void scan(Consumer<DeviceReport> sink) throws InterruptedException {
		Semaphore slots = new Semaphore(request.concurrency());
		ReentrantLock sinkLock = new ReentrantLock();
		AtomicReference<RuntimeException> sinkFailure = new AtomicReference<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (InetAddress host : request.targets()) {
				if (request.skip().contains(host.getHostAddress())) {
					continue;
				}
				if (sinkFailure.get() != null) {
					break;
				}
				slots.acquire();
				threads.submit(() -> {
					try {
						DeviceReport report = deviceScan.run(host);
						sinkLock.lock();
						try {
							if (sinkFailure.get() == null) {
								sink.accept(report);
							}
						}
						catch (RuntimeException ex) {
							// The sink (e.g. a full disk) failed: stop starting devices and tell the caller.
							sinkFailure.compareAndSet(null, ex);
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
		if (sinkFailure.get() != null) {
			throw sinkFailure.get();
		}
	}

}
