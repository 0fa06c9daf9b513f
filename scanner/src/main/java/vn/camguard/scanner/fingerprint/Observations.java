package vn.camguard.scanner.fingerprint;

import vn.camguard.scanner.discovery.WsDiscovery;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the scanner read from a device without credentials that can tell who it is: open ports,
 * the WS-Discovery answer, the web page, realms and Server headers, ONVIF device information (when
 * the device gives it away), a vendor identity API's properties and the telnet banner.
 */
public record Observations(Set<Integer> openPorts, Optional<WsDiscovery.ProbeMatch> discovery,
		Optional<WebPage> webPage, Optional<String> httpRealm, Optional<String> rtspServer, Optional<String> rtspRealm,
		Optional<OnvifClient.DeviceInformation> onvif, Map<String, String> identity, Optional<String> telnetBanner) {

	public Observations {
		openPorts = Set.copyOf(openPorts);
		identity = Map.copyOf(identity);
	}

}
