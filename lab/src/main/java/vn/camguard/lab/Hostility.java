package vn.camguard.lab;

/** How a hostile device misbehaves on its web and RTSP ports (see PROFILES.md §9). */
public enum Hostility {

	/** Writes pseudo-random bytes right after accept, then closes. */
	GARBAGE,
	/** Accepts and never answers. */
	SILENT,
	/** Answers one byte per second. */
	DRIP,
	/** Answers with a 1 MiB header. */
	HUGE_HEADER,
	/** A well-formed device whose banner and model name carry HTML and script tags. */
	MARKUP

}
