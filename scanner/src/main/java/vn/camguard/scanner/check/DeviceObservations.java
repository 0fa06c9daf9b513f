package vn.camguard.scanner.check;

import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.fingerprint.VendorFamily;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.tls.TlsHandshake;
import vn.camguard.scanner.tls.TlsVersion;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one device said to the scan's probes, as plain values: every check reads this and nothing else, and
 * sends nothing. The live clients that asked are apart ({@link DeviceClients}).
 *
 * @param fingerprint vendor, model, firmware as far as known (with a found credential, as read with it)
 * @param web the device's web endpoint (HTTPS when offered, else HTTP), if any
 * @param cleartextPage what plain HTTP served, when it served content rather than a redirect
 * @param httpsOffered whether a page was fetched over TLS
 * @param tlsProtocol the TLS version the web page was fetched over
 * @param tlsPorts every open port that speaks TLS, by its usual number or by what its content showed
 * @param tls what the TLS survey of each responsive TLS port showed, in port order
 * @param onvif the ONVIF device-service endpoint and path, if one answered
 * @param onvifAnonymous the answer of GetDeviceInformation without credentials
 * @param rtspRoutes the stream routes found, at most one per RTSP port (whatever its number), in port order
 * @param snapshotAnonymous the web port's answer to a GET of the family's snapshot path without credentials
 * @param telnetPorts the ports a telnet service answered on, with the text it volunteered
 * @param unresponsive ports that timed out or sent garbage: nothing more is spent on them
 * @param credential the login the device accepted (and a random password it refused), if any
 */
public record DeviceObservations(InetAddress host, Set<Integer> openPorts, Fingerprint fingerprint,
		Optional<VendorFamily> family, Optional<HttpProbe.Endpoint> web, Optional<WebPage> page,
		Optional<WebPage> cleartextPage, boolean httpsOffered, Optional<String> tlsProtocol, List<Integer> tlsPorts,
		List<TlsFacts> tls, Optional<OnvifEndpoint> onvif, Optional<OnvifClient.Outcome> onvifAnonymous,
		List<RtspRoute> rtspRoutes, Optional<Reply> snapshotAnonymous, Map<Integer, Optional<String>> telnetPorts,
		Set<Integer> unresponsive, Optional<Credential> credential) {

	/** Where ONVIF answered. */
	public record OnvifEndpoint(HttpProbe.Endpoint endpoint, String path) {
	}

	/**
	 * A stream route on one RTSP port: the path DESCRIBE found (200 with SDP, 401 or 403) and its full URL, its
	 * answer without credentials, and the challenge, if any, the login step answers on this port.
	 * {@code anyPath}: the port answered a made-up path as it answers real ones, so the path proves nothing about
	 * the route (a device that serves any path, or that challenges before it looks the path up).
	 */
	public record RtspRoute(int port, String path, String url, Reply anonymous, Optional<Challenge> challenge,
			boolean anyPath) {

		public boolean servesStream() {
			return RtspSession.servesStream(anonymous);
		}

	}

	/**
	 * What one TLS port showed: the handshake that offered everything the scanner knows (empty when none
	 * completed), each older version it answered when offered alone, and the suite it picked when offered only
	 * NULL, anonymous, export and RC4 suites.
	 */
	public record TlsFacts(int port, Optional<TlsHandshake> handshake, List<TlsVersion> olderAccepted,
			Optional<String> weakSuiteChosen) {

		public TlsFacts {
			olderAccepted = List.copyOf(olderAccepted);
		}

	}

	public DeviceObservations {
		openPorts = Set.copyOf(openPorts);
		unresponsive = Set.copyOf(unresponsive);
		rtspRoutes = List.copyOf(rtspRoutes);
		tlsPorts = List.copyOf(tlsPorts);
		tls = List.copyOf(tls);
		telnetPorts = Map.copyOf(telnetPorts);
	}

	/** The same device, known better: {@code known} read with the credential the device accepted. */
	public DeviceObservations withIdentity(Fingerprint known, Optional<VendorFamily> knownFamily) {
		return new DeviceObservations(host, openPorts, known, knownFamily, web, page, cleartextPage, httpsOffered,
				tlsProtocol, tlsPorts, tls, onvif, onvifAnonymous, rtspRoutes, snapshotAnonymous, telnetPorts,
				unresponsive, credential);
	}

	/** The same device with the TLS survey's facts. */
	public DeviceObservations withTls(List<TlsFacts> facts) {
		return new DeviceObservations(host, openPorts, fingerprint, family, web, page, cleartextPage, httpsOffered,
				tlsProtocol, tlsPorts, facts, onvif, onvifAnonymous, rtspRoutes, snapshotAnonymous, telnetPorts,
				unresponsive, credential);
	}

	/** The same device with the credential the login step found. */
	public DeviceObservations withCredential(Optional<Credential> found) {
		return new DeviceObservations(host, openPorts, fingerprint, family, web, page, cleartextPage, httpsOffered,
				tlsProtocol, tlsPorts, tls, onvif, onvifAnonymous, rtspRoutes, snapshotAnonymous, telnetPorts,
				unresponsive, found);
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
