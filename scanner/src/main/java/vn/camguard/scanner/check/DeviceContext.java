package vn.camguard.scanner.check;

import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.fingerprint.VendorFamily;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspRoutes;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
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
 * @param tlsPorts every open port that speaks TLS, by its usual number or by what its content showed
 * @param onvif the ONVIF device-service endpoint and path, if one answered
 * @param onvifAnonymous the answer of GetDeviceInformation without credentials
 * @param rtspRoutes the stream routes found, at most one per RTSP port (whatever its number), in port order
 * @param snapshotAnonymous the web port's answer to a GET of the family's snapshot path without credentials
 * @param telnetPorts the ports a telnet service answered on, with the text it volunteered
 * @param unresponsive ports that timed out or sent garbage: no check spends more time on them
 * @param notes the device report's notes, where a check says why it stopped (the one part checks add to)
 */
public record DeviceContext(InetAddress host, Set<Integer> openPorts, Fingerprint fingerprint,
		Optional<VendorFamily> family, Optional<HttpProbe.Endpoint> web, Optional<WebPage> page,
		Optional<WebPage> cleartextPage, boolean httpsOffered, Optional<String> tlsProtocol,
		List<Integer> tlsPorts, Optional<OnvifEndpoint> onvif, Optional<OnvifClient.Outcome> onvifAnonymous, List<RtspRoute> rtspRoutes,
		Optional<Reply> snapshotAnonymous,
		Map<Integer, Optional<String>> telnetPorts, Set<Integer> unresponsive, List<String> notes, HttpProbe http,
		OnvifClient onvifClient, Tools tools) {

	/** Where ONVIF answered. */
	public record OnvifEndpoint(HttpProbe.Endpoint endpoint, String path) {
	}

	/**
	 * A stream route on one RTSP port: the path DESCRIBE found (200 with SDP, 401 or 403), its answer without
	 * credentials, and the challenge, if any, the credential check answers on this port's session.
	 * {@code anyPath}: the port answered a made-up path as it answers real ones, so the path proves nothing about
	 * the route (a device that serves any path, or that challenges before it looks the path up).
	 */
	public record RtspRoute(RtspSession session, String path, Reply anonymous, Optional<Challenge> challenge,
			boolean anyPath) {

		public int port() {
			return session.port();
		}

		public boolean servesStream() {
			return RtspSession.servesStream(anonymous);
		}

	}

	/** What every device scan shares, built once per scan (immutable or thread-safe). */
	public record Tools(Connector connector, DefaultCredentials credentials, CveCatalogue cves, int attemptBudget,
			LoginPacing pacing, RtspRoutes routes, int rtspRouteBudget) {
	}

	public DeviceContext {
		openPorts = Set.copyOf(openPorts);
		unresponsive = Set.copyOf(unresponsive);
		rtspRoutes = List.copyOf(rtspRoutes);
		tlsPorts = List.copyOf(tlsPorts);
		telnetPorts = Map.copyOf(telnetPorts);
	}

	/** The same device, known better: {@code known} read with a credential found (model, firmware). */
	public DeviceContext withFingerprint(Fingerprint known, Optional<VendorFamily> knownFamily) {
		return new DeviceContext(host, openPorts, known, knownFamily, web, page, cleartextPage, httpsOffered,
				tlsProtocol, tlsPorts, onvif, onvifAnonymous, rtspRoutes, snapshotAnonymous, telnetPorts, unresponsive, notes, http,
				onvifClient, tools);
	}

	/** The first route that asks for credentials: where RTSP logins are tried. */
	public Optional<RtspRoute> challengedRoute() {
		return rtspRoutes.stream().filter(r -> r.challenge().isPresent()).findFirst();
	}

	public boolean responsive(int port) {
		return openPorts.contains(port) && !unresponsive.contains(port);
	}

	public String address() {
		return host.getHostAddress();
	}

}
