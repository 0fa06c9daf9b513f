package vn.camguard.scanner.wire;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan's watchdog ends reads at their deadline and leaves alone what finished in time; 127.24.0.x. */
class WatchdogTests {

	private static final String HOST = "127.24.0.1";

	@Test
	void closesAConnectionWhoseReadOutlivesItsDeadline() throws Exception {
		Watchdog watchdog = new Watchdog();
		try (ServerSocket silent = listener(); Socket socket = new Socket(HOST, silent.getLocalPort());
				Socket accepted = silent.accept()) {
			long started = System.nanoTime();
			Watchdog.Watch watch = watchdog.watch(socket, started + TimeUnit.MILLISECONDS.toNanos(200));
			assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(IOException.class);
			long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(watch.fired()).isTrue();
			assertThat(socket.isClosed()).isTrue();
			assertThat(waitedMillis).isBetween(190L, 2_000L);
			watch.close();
		}
	}

	@Test
	void leavesAloneAConnectionWhoseWatchEndedInTime() throws Exception {
		Watchdog watchdog = new Watchdog();
		try (ServerSocket peer = listener(); Socket socket = new Socket(HOST, peer.getLocalPort());
				Socket accepted = peer.accept()) {
			accepted.getOutputStream().write('x');
			try (Watchdog.Watch watch = watchdog.watch(socket, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100))) {
				assertThat(socket.getInputStream().read()).isEqualTo('x');
				assertThat(watch.fired()).isFalse();
			}
			// Well past the old deadline: the ended watch closed nothing.
			Thread.sleep(250);
			assertThat(socket.isClosed()).isFalse();
			accepted.getOutputStream().write('y');
			assertThat(socket.getInputStream().read()).isEqualTo('y');
		}
	}

	@Test
	void itsThreadStopsWhenNothingIsWatched() throws Exception {
		Watchdog watchdog = new Watchdog();
		try (ServerSocket peer = listener(); Socket socket = new Socket(HOST, peer.getLocalPort())) {
			watchdog.watch(socket, System.nanoTime() + TimeUnit.SECONDS.toNanos(10)).close();
		}
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		while (watchdogThreads() > 0 && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(watchdogThreads()).isZero();
	}

	private static long watchdogThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("camguard-watchdog"))
				.count();
	}

	private static ServerSocket listener() throws IOException {
		ServerSocket server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
		return server;
	}

}
