package vn.camguard.lab.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An accepted connection seen through a simulated network latency (the lab's kernel has no netem): whatever the
 * device writes leaves no sooner than the latency after the client bytes it may answer arrived, the connection's
 * start counting as the first arrival. So every answer, banner and TLS handshake flight (JSSE and BouncyCastle read
 * and write through this socket) waits the latency once per round trip, and requests that arrive together
 * (pipelined, or a TLS Finished with the first request) wait it once, as on a real link. It sits below TLS and below
 * every service, so no client and no protocol is treated differently. The TCP handshake itself is the kernel's and
 * is not delayed.
 *
 * <p>The input is read greedily into a buffer so that the arrival time is taken when the bytes leave the kernel, not
 * when a parser gets round to them. Everything else is the accepted socket's.
 */
final class DelayedSocket extends Socket {

	private static final int BUFFER = 16 * 1024;

	private final Socket socket;

	private final long latencyNanos;

	/** {@link System#nanoTime} of the latest client bytes read from the kernel. */
	private volatile long lastArrival;

	private final InputStream in;

	private final OutputStream out;

	DelayedSocket(Socket socket, int latencyMs) throws IOException {
		this.socket = socket;
		this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMs);
		this.lastArrival = System.nanoTime();
		this.in = new ArrivalStampedInput(socket.getInputStream());
		this.out = new DelayedOutput(socket.getOutputStream());
	}

	/** Waits until the latency since the latest arrival has passed. */
	private void awaitLatency() throws IOException {
		long wait = lastArrival + latencyNanos - System.nanoTime();
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new SocketException("interrupted while simulating latency");
			}
		}
	}

	private final class ArrivalStampedInput extends InputStream {

		private final InputStream raw;

		private final byte[] buffer = new byte[BUFFER];

		private int position;

		private int limit;

		ArrivalStampedInput(InputStream raw) {
			this.raw = raw;
		}

		private boolean fill() throws IOException {
			if (position < limit) {
				return true;
			}
			int n = raw.read(buffer, 0, buffer.length);
			if (n <= 0) {
				return false;
			}
			lastArrival = System.nanoTime();
			position = 0;
			limit = n;
			return true;
		}

		@Override
		public int read() throws IOException {
			return fill() ? buffer[position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, limit - position);
			System.arraycopy(buffer, position, b, off, n);
			position += n;
			return n;
		}

		@Override
		public int available() throws IOException {
			return (limit - position) + raw.available();
		}

		@Override
		public void close() throws IOException {
			raw.close();
		}

	}

	private final class DelayedOutput extends OutputStream {

		private final OutputStream raw;

		DelayedOutput(OutputStream raw) {
			this.raw = raw;
		}

		@Override
		public void write(int b) throws IOException {
			awaitLatency();
			raw.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			awaitLatency();
			raw.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			raw.flush();
		}

		@Override
		public void close() throws IOException {
			raw.close();
		}

	}

	@Override
	public InputStream getInputStream() {
		return in;
	}

	@Override
	public OutputStream getOutputStream() {
		return out;
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	@Override
	public boolean isClosed() {
		return socket.isClosed();
	}

	@Override
	public boolean isConnected() {
		return socket.isConnected();
	}

	@Override
	public boolean isBound() {
		return socket.isBound();
	}

	@Override
	public SocketChannel getChannel() {
		return socket.getChannel();
	}

	@Override
	public InetAddress getInetAddress() {
		return socket.getInetAddress();
	}

	@Override
	public InetAddress getLocalAddress() {
		return socket.getLocalAddress();
	}

	@Override
	public int getPort() {
		return socket.getPort();
	}

	@Override
	public int getLocalPort() {
		return socket.getLocalPort();
	}

	@Override
	public SocketAddress getRemoteSocketAddress() {
		return socket.getRemoteSocketAddress();
	}

	@Override
	public SocketAddress getLocalSocketAddress() {
		return socket.getLocalSocketAddress();
	}

	@Override
	public void shutdownInput() throws IOException {
		socket.shutdownInput();
	}

	@Override
	public void shutdownOutput() throws IOException {
		socket.shutdownOutput();
	}

	@Override
	public boolean isInputShutdown() {
		return socket.isInputShutdown();
	}

	@Override
	public boolean isOutputShutdown() {
		return socket.isOutputShutdown();
	}

	@Override
	public void setSoTimeout(int timeout) throws SocketException {
		socket.setSoTimeout(timeout);
	}

	@Override
	public int getSoTimeout() throws SocketException {
		return socket.getSoTimeout();
	}

	@Override
	public void setTcpNoDelay(boolean on) throws SocketException {
		socket.setTcpNoDelay(on);
	}

	@Override
	public boolean getTcpNoDelay() throws SocketException {
		return socket.getTcpNoDelay();
	}

	@Override
	public void setSoLinger(boolean on, int linger) throws SocketException {
		socket.setSoLinger(on, linger);
	}

	@Override
	public int getSoLinger() throws SocketException {
		return socket.getSoLinger();
	}

	@Override
	public void setKeepAlive(boolean on) throws SocketException {
		socket.setKeepAlive(on);
	}

	@Override
	public boolean getKeepAlive() throws SocketException {
		return socket.getKeepAlive();
	}

	@Override
	public void setSendBufferSize(int size) throws SocketException {
		socket.setSendBufferSize(size);
	}

	@Override
	public int getSendBufferSize() throws SocketException {
		return socket.getSendBufferSize();
	}

	@Override
	public void setReceiveBufferSize(int size) throws SocketException {
		socket.setReceiveBufferSize(size);
	}

	@Override
	public int getReceiveBufferSize() throws SocketException {
		return socket.getReceiveBufferSize();
	}

	@Override
	public void setTrafficClass(int tc) throws SocketException {
		socket.setTrafficClass(tc);
	}

	@Override
	public int getTrafficClass() throws SocketException {
		return socket.getTrafficClass();
	}

	@Override
	public void setReuseAddress(boolean on) throws SocketException {
		socket.setReuseAddress(on);
	}

	@Override
	public boolean getReuseAddress() throws SocketException {
		return socket.getReuseAddress();
	}

	@Override
	public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
		socket.setOption(name, value);
		return this;
	}

	@Override
	public <T> T getOption(SocketOption<T> name) throws IOException {
		return socket.getOption(name);
	}

	@Override
	public Set<SocketOption<?>> supportedOptions() {
		return socket.supportedOptions();
	}

	@Override
	public String toString() {
		return socket.toString();
	}

}
