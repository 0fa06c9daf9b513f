package vn.camguard.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor-like device profile. The static facts live here; the wire behaviour is in
 * {@code vn.camguard.lab.device}. Everything here is documented in lab/PROFILES.md.
 */
public enum Profile {

	HIKVISION_IPC("hikvision-ipc", DeviceKind.CAMERA, "Hikvision", "DS-2CD2142FWD-I", "admin", "12345",
			"V5.5.82 build 190909", "V5.5.0 build 170725", "V5.4.0 build 160530",
			List.of("CVE-2017-7921", "CVE-2017-7923"), List.of(8000)),
	DAHUA_IPC("dahua-ipc", DeviceKind.CAMERA, "Dahua", "IPC-HFW2431S-S-S2", "admin", "admin",
			"V2.800.0000000.45.R.20240312", "V2.800.0000000.33.R.20220615", "V2.800.0000000.25.R.20210315",
			List.of("CVE-2022-30563"), List.of(37777)),
	XIONGMAI_IPC("xiongmai-ipc", DeviceKind.CAMERA, "XiongMai", "IPG-50HV20PES", "admin", "",
			"V4.03.R11.A5380142.10010.140300.0020000", "V4.02.R11.A5380142.10010.130600.0020000",
			"V4.02.R11.34500140.10010.131500.00000", List.of("CVE-2018-10088", "CVE-2017-7577"), List.of(8899, 34567)),
	AXIS_IPC("axis-ipc", DeviceKind.CAMERA, "Axis", "M3045-V", "root", "pass",
			"10.12.213", "9.80.3.6", "7.30.1", List.of("CVE-2018-10661"), List.of()),
	ONVIF_GENERIC("onvif-generic", DeviceKind.CAMERA, "D-Link", "DCS-2530L", "admin", "admin",
			"1.07.01", "1.06.02", "1.05.05", List.of("CVE-2020-25078"), List.of()),
	DAHUA_NVR("dahua-nvr", DeviceKind.RECORDER, "Dahua", "NVR2108HS-4KS2", "admin", "admin",
			"V4.001.0000000.11.R.20240105", "V4.001.0000000.6.R.20200820", "V4.001.0000000.3.R.20190715",
			List.of("CVE-2021-33045"), List.of(37777)),
	/**
	 * An unbranded OEM camera sold under a name no vendor table knows (all values lab values): web on port 81,
	 * RTSP on 8554 with the stream on a path from the middle of the common-path dictionary, factory account
	 * admin/admin. Never in a random fleet; only OEM-independent weaknesses (see {@link #takes}).
	 */
	WHITELABEL_IPC("whitelabel-ipc", DeviceKind.CAMERA, "Sentinova", "SN-IPC200", "admin", "admin",
			"V1.0.8", "V1.0.8", "V1.0.8", List.of(), List.of());

	/** The passwords WEAK_PASSWORD picks from. */
	public static final List<String> WEAK_PASSWORDS = List.of("123456", "12345678", "admin123", "password", "111111");

	private final String id;
	private final DeviceKind kind;
	private final String vendor;
	private final String model;
	private final String adminUser;
	private final String factoryPassword;
	private final String newestFirmware;
	private final String outdatedFirmware;
	private final String vulnerableFirmware;
	private final List<String> cves;
	private final List<Integer> vendorPorts;

	Profile(String id, DeviceKind kind, String vendor, String model, String adminUser, String factoryPassword,
			String newestFirmware, String outdatedFirmware, String vulnerableFirmware, List<String> cves,
			List<Integer> vendorPorts) {
		this.id = id;
		this.kind = kind;
		this.vendor = vendor;
		this.model = model;
		this.adminUser = adminUser;
		this.factoryPassword = factoryPassword;
		this.newestFirmware = newestFirmware;
		this.outdatedFirmware = outdatedFirmware;
		this.vulnerableFirmware = vulnerableFirmware;
		this.cves = cves;
		this.vendorPorts = vendorPorts;
	}

	public String id() {
		return id;
	}

	public DeviceKind kind() {
		return kind;
	}

	public String vendor() {
		return vendor;
	}

	/**
	 * The first three octets of this profile's MACs (lab value): the prefix the vendor's own cameras commonly show
	 * where the lab copies one (Hikvision, Dahua, Axis; not checked against the IEEE registry), else a locally
	 * administered prefix spelling the maker's initials, which no real device has.
	 */
	public String macPrefix() {
		return switch (this) {
			case HIKVISION_IPC -> "c0:56:e3";
			case DAHUA_IPC, DAHUA_NVR -> "3c:ef:8c";
			case AXIS_IPC -> "00:40:8c";
			case XIONGMAI_IPC -> "02:58:4d";
			case ONVIF_GENERIC -> "02:44:4c";
			case WHITELABEL_IPC -> "02:53:4e";
		};
	}

	public String model() {
		return model;
	}

	public String adminUser() {
		return adminUser;
	}

	public String factoryPassword() {
		return factoryPassword;
	}

	public String newestFirmware() {
		return newestFirmware;
	}

	/** The firmware a device with these weaknesses runs. */
	public String firmware(Set<Weakness> weaknesses) {
		if (weaknesses.contains(Weakness.KNOWN_CVE)) {
			return vulnerableFirmware;
		}
		return weaknesses.contains(Weakness.OUTDATED_FIRMWARE) ? outdatedFirmware : newestFirmware;
	}

	public List<String> cves(Set<Weakness> weaknesses) {
		List<String> known = weaknesses.contains(Weakness.KNOWN_CVE) ? cves : List.of();
		return this == HIKVISION_IPC ? java.util.stream.Stream.concat(known.stream(), EVERY_HIKVISION_BUILD.stream())
			.toList() : known;
	}

	/**
	 * CVE-2021-36260 (command injection in the web server) affects Hikvision builds from 2016 up to the fix of
	 * September 2021 (an UNVERIFIED range, see the scanner's cve-ranges.tsv): every firmware this profile serves,
	 * newest included, is such a build, so every lab Hikvision has it whatever its weaknesses.
	 */
	private static final List<String> EVERY_HIKVISION_BUILD = List.of("CVE-2021-36260");

	/** Ports beyond web, RTSP and telnet: the vendor's binary and ONVIF ports. */
	public List<Integer> vendorPorts() {
		return vendorPorts;
	}

	/** Where this profile's web UI listens (the HTTP port; HTTPS, where offered, is 443). */
	public int webPort() {
		return this == WHITELABEL_IPC ? 81 : 80;
	}

	/** Where this profile's RTSP server listens. */
	public int rtspPort() {
		return this == WHITELABEL_IPC ? 8554 : 554;
	}

	/**
	 * Whether a device of this profile can have {@code weakness}. The white-label camera has no firmware table and
	 * no CVE range anywhere, and no snapshot path a scanner could know, so nothing could decide those weaknesses.
	 */
	public boolean takes(Weakness weakness) {
		return this != WHITELABEL_IPC || !Set.of(Weakness.OUTDATED_FIRMWARE, Weakness.KNOWN_CVE,
				Weakness.SNAPSHOT_NO_AUTH).contains(weakness);
	}

	/** The profiles random fleets draw from: every vendor profile, not the white-label camera. */
	public static List<Profile> inRandomFleets() {
		return Arrays.stream(values()).filter(p -> p != WHITELABEL_IPC).toList();
	}

	public static Optional<Profile> byId(String id) {
		return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
	}

	public static List<String> ids() {
		return Arrays.stream(values()).map(Profile::id).toList();
	}

}
