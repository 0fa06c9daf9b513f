package vn.camguard.scanner;

import vn.camguard.lab.DeviceTruth;
import vn.camguard.scanner.cve.FirmwareVersion;

import java.util.List;
import java.util.TreeSet;

/**
 * The CVEs a lab device's firmware falls into: the manifest's, plus CVE-2021-36260 for Hikvision builds of
 * 2016 to 210702, which the lab's Hikvision profile (every firmware it serves is such a build) does not list yet.
 * Once the lab lists it, this adds nothing.
 */
final class LabCves {

	private LabCves() {
	}

	static TreeSet<String> expected(DeviceTruth truth) {
		TreeSet<String> cves = new TreeSet<>(truth.cves());
		if ("Hikvision".equals(truth.vendor()) && truth.firmware() != null
				&& FirmwareVersion.parse(truth.firmware()).buildDate()
					.filter(d -> d >= 20160101 && d <= 20210702).isPresent()) {
			cves.add("CVE-2021-36260");
		}
		return cves;
	}

	static boolean anyCve(DeviceTruth truth) {
		return !expected(truth).isEmpty();
	}

	static List<String> list(DeviceTruth truth) {
		return List.copyOf(expected(truth));
	}

}
