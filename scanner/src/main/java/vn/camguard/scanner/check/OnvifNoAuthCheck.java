package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.onvif.OnvifClient;

import java.util.List;

/**
 * {@code CG-ONVIF-NOAUTH}: GetDeviceInformation (ONVIF READ_SYSTEM, which needs authentication) answers
 * without a UsernameToken.
 */
public final class OnvifNoAuthCheck implements Check {

	public static final String ID = "CG-ONVIF-NOAUTH";

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		if (device.onvifAnonymous().orElse(null) instanceof OnvifClient.Outcome.Answered answered
				&& device.onvif().isPresent()) {
			OnvifClient.DeviceInformation info = OnvifClient.deviceInformation(answered.body());
			return List.of(new Finding(ID, Severity.HIGH, Qcvn.ATTACK_SURFACE.label(),
					"ONVIF sensitive calls answer without authentication",
					List.of(new Evidence("onvif", "GetDeviceInformation without UsernameToken at "
							+ device.onvif().get().endpoint() + device.onvif().get().path() + " -> Manufacturer="
							+ info.manufacturer() + " Model=" + info.model())),
					List.of()));
		}
		return List.of();
	}

}
