package vn.camguard.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A started lab. {@link #close} frees every socket it opened. */
public final class RunningLab implements AutoCloseable {

	private final LabManifest manifest;

	private final Closeable sockets;

	/** A lab whose devices run elsewhere (shard processes); closing it runs {@code stop}. */
	public static RunningLab of(LabManifest manifest, Closeable stop) {
		return new RunningLab(manifest, stop);
	}

	RunningLab(LabManifest manifest, Closeable stop) {
		this.manifest = manifest;
		this.sockets = stop;
	}

	public LabManifest manifest() {
		return manifest;
	}

	@Override
	public void close() {
		try {
			sockets.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
