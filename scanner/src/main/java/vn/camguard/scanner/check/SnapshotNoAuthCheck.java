package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.wire.Reply;

import java.util.List;

/**
 * {@code CG-SNAPSHOT-NOAUTH}: the vendor's snapshot URL returns an image without credentials. Only the
 * status, type and size are kept; the image itself is discarded.
 */
public final class SnapshotNoAuthCheck implements Check {

	public static final String ID = "CG-SNAPSHOT-NOAUTH";

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		if (device.snapshotAnonymous().orElse(null) instanceof Reply.Message m && m.status() == 200
				&& m.header("Content-Type").startsWith("image/") && m.body().length > 2 && (m.body()[0] & 0xff) == 0xFF
				&& (m.body()[1] & 0xff) == 0xD8) {
			String url = device.web().get() + device.family().get().snapshotPath();
			return List.of(new Finding(ID, Severity.HIGH, Qcvn.USER_DATA.label(), "Snapshot served without authentication",
					List.of(new Evidence("http", "GET " + url + " without credentials -> 200 " + m.header("Content-Type")
							+ ", " + m.body().length + " bytes (JPEG, discarded)")),
					List.of()));
		}
		return List.of();
	}

}
