package vn.camguard.lab.device;

/** The looping H.264 clip every open stream of the lab plays (PROFILES.md says how it was made). */
final class StreamClip {

	static final int WIDTH = 64;

	static final int HEIGHT = 48;

	static final int FRAME_RATE = 10;

	private StreamClip() {
	}

}
