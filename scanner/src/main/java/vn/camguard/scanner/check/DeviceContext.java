package vn.camguard.scanner.check;

import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.fingerprint.VendorFamily;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * What the device probe learned about one device, handed to every check, plus the clients a check may
 * use for its own read-only requests ({@code http} keeps this device's connections open between checks).
 * Belongs to one device scan (one thread); nothing is shared.
 *
 * @param web the device's web endpoint (HTTPS when offered, else HTTP), if any
 * @param cleartextPage what plain HTTP on port 80 served, when it served content rather than a redirect
 * @param httpsOffered whether a TLS handshake on 443 succeeded
 * @param onvif the ONVIF device-service endpoint and path, if one answered
 * @param onvifAnonymous the answer of GetDeviceInformation without credentials
 * @param rtspPath the stream path probed; {@code rtspAnonymous} DESCRIBE's answer without credentials
 * @param rtspChallenge the challenge RTSP asked for (the credential check answers it)
 * @param snapshotAnonymous the web port's answer to a GET of the family's snapshot path without credentials
 * @param unresponsive ports that timed out or sent garbage: no check spends more time on them
 */
public record DeviceContext(InetAddress host, Set<Integer> openPorts, Fingerprint fingerprint,
		Optional<VendorFamily> family, Optional<HttpProbe.Endpoint> web, Optional<WebPage> page,
		Optional<WebPage> cleartextPage, boolean httpsOffered, Optional<String> tlsProtocol,
		Optional<OnvifEndpoint> onvif, Optional<OnvifClient.Outcome> onvifAnonymous, RtspSession rtsp,
		Optional<String> rtspPath, Optional<Reply> rtspAnonymous, Optional<Challenge> rtspChallenge,
		Optional<Reply> snapshotAnonymous,
		Optional<String> telnetBanner, Set<Integer> unresponsive, HttpProbe http, OnvifClient onvifClient, Tools tools) {

	/** Where ONVIF answered. */
	public record OnvifEndpoint(HttpProbe.Endpoint endpoint, String path) {
	}

	/** What every device scan shares, built once per scan (immutable or thread-safe). */
	public record Tools(Connector connector, DefaultCredentials credentials, CveCatalogue cves, int attemptBudget) {
	}

	public DeviceContext {
		openPorts = Set.copyOf(openPorts);
		unresponsive = Set.copyOf(unresponsive);
	}

	public boolean responsive(int port) {
		return openPorts.contains(port) && !unresponsive.contains(port);
	}

	public String address() {
		return host.getHostAddress();
	}

}
