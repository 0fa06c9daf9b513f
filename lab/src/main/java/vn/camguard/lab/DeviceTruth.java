package vn.camguard.lab;

import java.util.List;

/**
 * Ground truth about one simulated device, as written to the manifest. {@code vendor}, {@code model},
 * {@code firmware}, {@code serial} and {@code mac} are null for hostile devices; {@code hostile} is null for normal
 * ones. {@code serial} and {@code mac} are the device's own, whether or not it tells them to a given client.
 */
public record DeviceTruth(String id, String address, String profile, DeviceKind kind, String vendor, String model,
		String firmware, List<Integer> openTcpPorts, List<Integer> udpPorts, List<Weakness> weaknesses,
		List<String> cves, Hostility hostile, Credentials credentials, String serial, String mac) {

	/** A device whose serial and MAC are not known. */
	public DeviceTruth(String id, String address, String profile, DeviceKind kind, String vendor, String model,
			String firmware, List<Integer> openTcpPorts, List<Integer> udpPorts, List<Weakness> weaknesses,
			List<String> cves, Hostility hostile, Credentials credentials) {
		this(id, address, profile, kind, vendor, model, firmware, openTcpPorts, udpPorts, weaknesses, cves, hostile,
				credentials, null, null);
	}

	public DeviceTruth {
		openTcpPorts = List.copyOf(openTcpPorts);
		udpPorts = List.copyOf(udpPorts);
		weaknesses = List.copyOf(weaknesses);
		cves = List.copyOf(cves);
	}

	public boolean hardened() {
		return hostile == null && weaknesses.isEmpty();
	}

}
