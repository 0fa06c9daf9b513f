package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.wire.Reply;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CG-RTSP-NOAUTH}: on some RTSP port, DESCRIBE of a stream route (the vendor's path or one of the
 * dictionary's) without credentials returns an SDP with video media; the evidence names the route. A bare 200,
 * or a 200 carrying a challenge (XiongMai), is not counted.
 */
public final class RtspNoAuthCheck implements Check {

	public static final String ID = "CG-RTSP-NOAUTH";

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		List<Evidence> evidence = new ArrayList<>();
		for (DeviceObservations.RtspRoute route : device.rtspRoutes()) {
			if (route.servesStream()) {
				Reply.Message m = (Reply.Message) route.anonymous();
				evidence.add(new Evidence("rtsp/" + route.port(), "DESCRIBE " + route.url()
						+ " without credentials -> " + m.status() + " " + m.header("Content-Type") + ", SDP with m=video"
						+ (route.anyPath() ? " (the port serves a stream on any path, even a made-up one)" : "")));
			}
		}
		if (evidence.isEmpty()) {
			return List.of();
		}
		return List.of(new Finding(ID, Severity.HIGH, Qcvn.USER_DATA.label(), "Video stream served without authentication",
				evidence, List.of()));
	}

}
