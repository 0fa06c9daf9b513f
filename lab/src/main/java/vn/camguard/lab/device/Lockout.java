package vn.camguard.lab.device;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A device's login lockout ({@code Behaviour.LOGIN_LOCKOUT}): {@value #FAILURES} refused logins within 30 s lock
 * every login, the right one included, for 5 minutes. One per device, shared by its HTTP and RTSP services (a
 * camera has one account store). The only state the lab keeps per device.
 */
final class Lockout {

	static final int FAILURES = 5;

	static final long WINDOW_NANOS = 30_000_000_000L;

	static final long LOCKED_NANOS = 300_000_000_000L;

	private final Deque<Long> refusals = new ArrayDeque<>();

	private boolean locked;

	private long lockedUntil;

	synchronized boolean locked() {
		if (locked && System.nanoTime() - lockedUntil >= 0) {
			locked = false;
		}
		return locked;
	}

	synchronized void refused() {
		long now = System.nanoTime();
		while (!refusals.isEmpty() && now - refusals.peekFirst() >= WINDOW_NANOS) {
			refusals.removeFirst();
		}
		refusals.addLast(now);
		if (refusals.size() >= FAILURES) {
			locked = true;
			lockedUntil = now + LOCKED_NANOS;
			refusals.clear();
		}
	}

}
