package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Reply;

import java.util.List;

/**
 * {@code CG-RTSP-NOAUTH}: DESCRIBE of the vendor's stream path without credentials returns an SDP with
 * video media. A bare 200, or a 200 carrying a challenge (XiongMai), is not counted.
 */
public final class RtspNoAuthCheck implements Check {

	public static final String ID = "CG-RTSP-NOAUTH";

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		if (device.rtspAnonymous().isEmpty() || !RtspSession.servesStream(device.rtspAnonymous().get())) {
			return List.of();
		}
		Reply.Message m = (Reply.Message) device.rtspAnonymous().get();
		return List.of(new Finding(ID, Severity.HIGH, Qcvn.USER_DATA.label(), "Video stream served without authentication",
				List.of(new Evidence("rtsp", "DESCRIBE " + device.rtspPath().orElse("") + " without credentials -> "
						+ m.status() + " " + m.header("Content-Type") + ", SDP with m=video")),
				List.of()));
	}

}
