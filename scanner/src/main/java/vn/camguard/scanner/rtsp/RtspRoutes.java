package vn.camguard.scanner.rtsp;

import vn.camguard.scanner.data.Tsv;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stream paths tried on an RTSP port whose route is not known, most common first: a copy of
 * shared/domain/scanner/rtsp-paths.txt (nmap's rtsp-urls.txt and Cameradar's routes, ordered as that file says).
 * Paths that carry a user name or password (XiongMai's {@code /user=admin_password=..._channel=1...}) are left
 * out: a DESCRIBE of one is a login attempt, and logins go through the paced credential plan only.
 */
public record RtspRoutes(List<String> dictionary) {

	public RtspRoutes {
		dictionary = List.copyOf(dictionary);
	}

	public static RtspRoutes load() {
		return new RtspRoutes(Tsv.load("rtsp-paths.txt").rows().stream().map(List::getFirst)
				.filter(p -> p.startsWith("/") && !carriesCredentials(p)).distinct().toList());
	}

	/** {@code vendorPaths} (the recognised vendor's own, in its order) first, then the dictionary, each once. */
	public List<String> candidates(List<String> vendorPaths) {
		Set<String> paths = new LinkedHashSet<>(vendorPaths);
		paths.addAll(dictionary);
		return List.copyOf(paths);
	}

	static boolean carriesCredentials(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		return p.contains("user=") || p.contains("password") || p.contains("pwd") || p.contains("usrnm")
				|| p.contains("username");
	}

}
