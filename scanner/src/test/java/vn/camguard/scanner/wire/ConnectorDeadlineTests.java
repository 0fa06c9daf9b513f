package vn.camguard.scanner.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadlines the Connector hands out cannot be stretched: a raw read asked to wait for ever on a device that
 * accepts and never speaks still ends at the read timeout, and a WS-Discovery receive at its longest wait;
 * loopback 127.61.2.x. (The class-level timeout only stops a hang; nothing here asserts how long anything took.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectorDeadlineTests {

	private static final String HOST = "127.61.2.1";

	@Test
	void aShortenedWaitCannotBeLongerThanTheReadTimeout() throws Exception {
		Connector connector = new Connector(Duration.ofSeconds(1), Duration.ofMillis(300), RateLimit.unlimited());
		try (ServerSocket silent = new ServerSocket()) {
			silent.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
			try (Socket socket = connector.open(InetAddress.getByName(HOST), silent.getLocalPort());
					Socket accepted = silent.accept()) {
				connector.readWithin(socket, Integer.MAX_VALUE);
				assertThatThrownBy(socket.getInputStream()::read).isInstanceOf(SocketTimeoutException.class);
			}
		}
	}

	@Test
	void aDatagramReceiveEndsAtItsLongestWait() throws Exception {
		try (DatagramSocket socket = Connector.datagram(Duration.ofMillis(300))) {
			assertThatThrownBy(() -> socket.receive(new DatagramPacket(new byte[64], 64)))
				.isInstanceOf(SocketTimeoutException.class);
		}
	}

}
