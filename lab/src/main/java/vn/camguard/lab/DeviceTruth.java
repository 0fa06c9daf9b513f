package vn.camguard.lab;

import java.util.List;

/**
 * Ground truth about one simulated device, as written to the manifest. {@code vendor}, {@code model}
 * and {@code firmware} are null for hostile devices; {@code hostile} is null for normal ones.
 */
public record DeviceTruth(String id, String address, String profile, DeviceKind kind, String vendor, String model,
		String firmware, List<Integer> openTcpPorts, List<Integer> udpPorts, List<Weakness> weaknesses,
		List<String> cves, Hostility hostile, Credentials credentials) {

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
