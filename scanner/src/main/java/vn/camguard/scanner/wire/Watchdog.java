package vn.camguard.scanner.wire;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes connections whose read or connect has outlived its deadline, for a whole scan from one thread; the
 * read or connect then fails, and its caller reports a timeout. A socket timeout would do the same, but on a
 * virtual thread every timed wait schedules a timer and cancels it again, each waking the JDK's timer thread:
 * on 3,000 lab devices that cost the scanner 6-14% of its CPU, where waits without a timeout cost nothing
 * extra. The thread runs only while something is watched.
 */
public final class Watchdog {

	/** How late, at most, a deadline is enforced. */
	private static final long TICK_MILLIS = 20;

	private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean running = new AtomicBoolean();

	/**
	 * Watches {@code connection} until the returned watch is closed: if that has not happened by
	 * {@code deadlineNanos} ({@link System#nanoTime()}), the connection is closed.
	 */
	public Watch watch(Closeable connection, long deadlineNanos) {
		Watch watch = new Watch(connection, deadlineNanos);
		watches.add(watch);
		if (!running.get() && running.compareAndSet(false, true)) {
			Thread.ofPlatform().daemon().name("camguard-watchdog").start(this::run);
		}
		return watch;
	}

	private void run() {
		while (true) {
			try {
				Thread.sleep(TICK_MILLIS);
			}
			catch (InterruptedException ex) {
				running.set(false);
				return;
			}
			long now = System.nanoTime();
			for (Watch watch : watches) {
				if (now - watch.deadlineNanos > 0) {
					watch.fire();
				}
			}
			if (watches.isEmpty()) {
				running.set(false);
				// A watch added after the check above saw the thread still running: it goes on for it.
				if (watches.isEmpty() || !running.compareAndSet(false, true)) {
					return;
				}
			}
		}
	}

	/** One deadline on one connection; closing it (the watch, not the connection) ends the watch. */
	public final class Watch implements AutoCloseable {

		private final Closeable connection;

		private final long deadlineNanos;

		private volatile boolean fired;

		private Watch(Closeable connection, long deadlineNanos) {
			this.connection = connection;
			this.deadlineNanos = deadlineNanos;
		}

		/** Whether the deadline passed and the connection was closed for it. */
		public boolean fired() {
			return fired;
		}

		/**
		 * {@code failure} of the watched read or connect as its caller reports it: a timeout saying {@code what}
		 * when this watch closed the connection under it, else as it is.
		 */
		public IOException failure(IOException failure, String what) {
			return fired ? new SocketTimeoutException(what) : failure;
		}

		private void fire() {
			if (watches.remove(this)) {
				fired = true;
				try {
					connection.close();
				}
				catch (IOException ignored) {
					// Closed either way: the waiting read or connect ends.
				}
			}
		}

		@Override
		public void close() {
			watches.remove(this);
		}

	}

}
