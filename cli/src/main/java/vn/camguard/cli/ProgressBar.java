package vn.camguard.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live one-line progress bar on stderr: hosts done, devices found, rate and ETA, redrawn a few times a
 * second by its own thread until closed.
 */
final class ProgressBar implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream err;

	private final long total;

	private final long started = System.nanoTime();

	private final AtomicLong done = new AtomicLong();

	private final AtomicLong found = new AtomicLong();

	private final Thread painter;

	ProgressBar(PrintStream err, long total) {
		this.err = err;
		this.total = Math.max(total, 1);
		this.painter = Thread.ofPlatform().daemon().name("camguard-progress").start(this::paintLoop);
	}

	void hostDone(boolean alive) {
		done.incrementAndGet();
		if (alive) {
			found.incrementAndGet();
		}
	}

	private void paintLoop() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				paint();
				Thread.sleep(250);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void paint() {
		long d = done.get();
		double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
		double rate = d / seconds;
		long eta = rate > 0 ? Math.round((total - d) / rate) : -1;
		int filled = (int) (WIDTH * Math.min(d, total) / total);
		err.printf("\r[%s%s] %d/%d hosts  %d found  %.0f hosts/s  ETA %s   ", "#".repeat(filled), " ".repeat(WIDTH - filled),
				d, total, found.get(), rate, eta < 0 ? "?" : eta + "s");
		err.flush();
	}

	@Override
	public void close() {
		painter.interrupt();
		try {
			painter.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		paint();
		err.println();
	}

}
