package vn.camguard.scanner.check;

import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspRoutes;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Connector;

import java.util.List;
import java.util.Map;

/**
 * The live clients that asked one device, for the probe steps that still ask it something (the login plan,
 * reading the identity with a found credential): {@code http} keeps the device's web connections open,
 * {@code rtsp} its session on each RTSP port. Checks never see these. {@code notes} is the device report's notes,
 * where a step says why it stopped. Belongs to one device scan (one thread).
 */
public record DeviceClients(HttpProbe http, OnvifClient onvifClient, Map<Integer, RtspSession> rtsp, Tools tools,
		List<String> notes) {

	/** What every device scan shares, built once per scan (immutable or thread-safe). */
	public record Tools(Connector connector, DefaultCredentials credentials, CveCatalogue cves, int attemptBudget,
			LoginPacing pacing, RtspRoutes routes, int rtspRouteBudget) {
	}

	/** The session of the RTSP port a route was found on. */
	public RtspSession rtsp(DeviceObservations.RtspRoute route) {
		return rtsp.get(route.port());
	}

}
