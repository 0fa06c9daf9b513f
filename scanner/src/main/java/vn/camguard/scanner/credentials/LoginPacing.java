package vn.camguard.scanner.credentials;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How fast a device's accounts may be tried: at most {@code failures} logins that may fail per account in any
 * {@code window}. The default, 4 in 30 s, stays under the lockout Decision 724 asks of compliant cameras (an
 * account locked for 5 minutes after 5 failures within 30 seconds, shared/domain/qcvn-135-2024.md), so a scan
 * never locks out a unit's real administrator. Time comes from {@code timeline}, so that a test can check the
 * default pacing without waiting it out.
 */
public record LoginPacing(int failures, Duration window, Timeline timeline) {

	public static final LoginPacing DEFAULT = new LoginPacing(4, Duration.ofSeconds(30), Timeline.SYSTEM);

	/** No pacing: only for devices known to have no lockout (the lab's usual fleet). */
	public static final LoginPacing NONE = new LoginPacing(Integer.MAX_VALUE, Duration.ZERO, Timeline.SYSTEM);

	public LoginPacing {
		if (failures < 1 || window.isNegative()) {
			throw new IllegalArgumentException("login pacing needs at least 1 login per window");
		}
	}

	/** The clock pacing reads and waits on. */
	public interface Timeline {

		Timeline SYSTEM = new Timeline() {

			@Override
			public long nanoTime() {
				return System.nanoTime();
			}

			@Override
			public void sleepUntil(long deadlineNanos) throws InterruptedException {
				long left = deadlineNanos - System.nanoTime();
				if (left > 0) {
					Thread.sleep(Duration.ofNanos(left));
				}
			}

		};

		long nanoTime();

		void sleepUntil(long deadlineNanos) throws InterruptedException;

	}

	/** A new record of one device's login attempts. */
	public Pacer pacer() {
		return new Pacer();
	}

	/**
	 * One device's attempts per account (user name): each is counted as a failure once sent, until its answer
	 * shows it was accepted. Belongs to one device scan (one thread).
	 */
	public final class Pacer {

		private final Map<String, Deque<Long>> sent = new HashMap<>();

		private Pacer() {
		}

		/** How many more logins for {@code user} may go out now. */
		public int room(String user) {
			return failures - recent(user).size();
		}

		/** Waits until a login for {@code user} may go out. */
		public void awaitRoom(String user) throws InterruptedException {
			Deque<Long> recent = recent(user);
			while (recent.size() >= failures) {
				timeline.sleepUntil(recent.peekFirst() + window.toNanos());
				recent = recent(user);
			}
		}

		public void sent(String user) {
			sent.computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(timeline.nanoTime());
		}

		/** The latest login sent for {@code user} was accepted: it was no failure. */
		public void accepted(String user) {
			Deque<Long> times = sent.get(user);
			if (times != null && !times.isEmpty()) {
				times.removeLast();
			}
		}

		private Deque<Long> recent(String user) {
			Deque<Long> times = sent.computeIfAbsent(user, u -> new ArrayDeque<>());
			long now = timeline.nanoTime();
			while (!times.isEmpty() && now - times.peekFirst() >= window.toNanos()) {
				times.removeFirst();
			}
			return times;
		}

	}

}
