package vn.camguard.scanner.fingerprint;

import java.util.List;
import java.util.Optional;

/**
 * What the scanner knows about one vendor family: the names devices use for it, where its streams,
 * snapshots and login pages live, an unauthenticated identity API if it has one ({@code METHOD PATH [BODY]},
 * e.g. Axis basicdeviceinfo), extra ONVIF ports.
 */
public record VendorFamily(String vendor, List<String> aliases, List<String> rtspPaths, String snapshotPath,
		List<String> loginPages, Optional<String> identityRequest, List<Integer> onvifPorts) {

	public VendorFamily {
		aliases = List.copyOf(aliases);
		rtspPaths = List.copyOf(rtspPaths);
		loginPages = List.copyOf(loginPages);
		onvifPorts = List.copyOf(onvifPorts);
	}

}
