package vn.camguard.scanner.wire;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces out new connections: globally (connections per second over the whole scan) and per host
 * (a minimum gap between two connections to the same device). Zero means unlimited; then acquiring
 * costs nothing.
 */
public final class RateLimit {

	private final long globalGapNanos;

	private final long hostGapNanos;

	private final ReentrantLock lock = new ReentrantLock();

	private final ConcurrentHashMap<InetAddress, Long> lastPerHost = new ConcurrentHashMap<>();

	private long nextGlobal;

	/**
	 * @param perSecond connections per second for the whole scan, 0 = unlimited
	 * @param perHostPerSecond connections per second to one device, 0 = unlimited
	 */
	public RateLimit(int perSecond, int perHostPerSecond) {
		this.globalGapNanos = perSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
		this.hostGapNanos = perHostPerSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perHostPerSecond : 0;
	}

	public static RateLimit unlimited() {
		return new RateLimit(0, 0);
	}

	public void acquire(InetAddress host) {
		if (hostGapNanos > 0) {
			long now = System.nanoTime();
			long slot = lastPerHost.merge(host, now, (last, n) -> Math.max(n, last + hostGapNanos));
			waitUntil(slot);
		}
		if (globalGapNanos > 0) {
			long slot;
			lock.lock();
			try {
				slot = Math.max(System.nanoTime(), nextGlobal);
				nextGlobal = slot + globalGapNanos;
			}
			finally {
				lock.unlock();
			}
			waitUntil(slot);
		}
	}

	/** Forgets a finished host so the per-host table stays small on big scans. */
	public void forget(InetAddress host) {
		lastPerHost.remove(host);
	}

	private static void waitUntil(long slot) {
		long wait;
		while ((wait = slot - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

}
