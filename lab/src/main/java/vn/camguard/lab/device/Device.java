package vn.camguard.lab.device;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import vn.camguard.lab.Behaviour;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.Profile;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Header;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/**
 * One running simulated device as its services see it: its truth, its account checks and the shared
 * sockets. {@code web} checks HTTP credentials, {@code rtsp} RTSP credentials (realms differ per vendor).
 */
record Device(DeviceSpec spec, DeviceTruth truth, String serial, AccountCheck web, AccountCheck rtsp,
		LabSockets sockets) {

	static Device of(DeviceSpec spec, LabSockets sockets, String nonceKey) {
		DeviceTruth truth = spec.truth();
		if (spec.profile() == null) {
			return new Device(spec, truth, "", null, null, sockets);
		}
		Profile profile = spec.profile();
		String serial = spec.serial();
		String user = profile.adminUser();
		String password = spec.password();
		String key = nonceKey + "@" + spec.address();
		Lockout lockout = spec.behaves(Behaviour.LOGIN_LOCKOUT) ? new Lockout() : null;
		return switch (profile) {
			case HIKVISION_IPC -> new Device(spec, truth, serial,
					new AccountCheck(user, password, "Hikvision", false, key, lockout),
					new AccountCheck(user, password, "Hikvision", true, key, lockout), sockets);
			case DAHUA_IPC, DAHUA_NVR -> new Device(spec, truth, serial,
					new AccountCheck(user, password, "Login to " + serial, false, key, lockout),
					new AccountCheck(user, password, "Login to " + serial, false, key, lockout), sockets);
			case XIONGMAI_IPC -> new Device(spec, truth, serial,
					new AccountCheck(user, password, "NETSurveillance", true, key, lockout),
					new AccountCheck(user, password, AccountCheck.md5(serial).substring(0, 16), false, key, lockout), sockets);
			case AXIS_IPC -> new Device(spec, truth, serial,
					new AccountCheck(user, password, "AXIS_" + serial, false, key, lockout),
					new AccountCheck(user, password, "AXIS_" + serial, false, key, lockout), sockets);
			case ONVIF_GENERIC -> new Device(spec, truth, serial,
					new AccountCheck(user, password, profile.model(), true, key, lockout),
					new AccountCheck(user, password, profile.model(), false, key, lockout), sockets);
			case WHITELABEL_IPC -> new Device(spec, truth, serial,
					new AccountCheck(user, password, "IP Camera", false, key, lockout),
					new AccountCheck(user, password, "IP Camera", false, key, lockout), sockets);
		};
	}

	Profile profile() {
		return spec.profile();
	}

	boolean has(Weakness weakness) {
		return spec.has(weakness);
	}

	String address() {
		return spec.address();
	}

	String firmware() {
		return truth.firmware();
	}

	/** The serial number as the device tells it over ONVIF (garbage on an UNRULY_IDENTIFIERS device). */
	String onvifSerial() {
		return behaves(Behaviour.UNRULY_IDENTIFIERS) ? "SN" + "7".repeat(5_000) : serial;
	}

	/** The serial number as the device tells it over its vendor API (garbage on an UNRULY_IDENTIFIERS device). */
	String apiSerial() {
		return behaves(Behaviour.UNRULY_IDENTIFIERS) ? serial + "\u0007\u001b[31m<b>x</b>" : serial;
	}

	/** The MAC as the device tells it (not a MAC on an UNRULY_IDENTIFIERS device). */
	String toldMac() {
		return behaves(Behaviour.UNRULY_IDENTIFIERS) ? "zz" + truth.mac().substring(2) : truth.mac();
	}

	/** Where the ONVIF device service lives (XiongMai keeps it on plain-HTTP port 8899). */
	String onvifUrl() {
		if (profile() == Profile.XIONGMAI_IPC) {
			return "http://" + address() + ":8899/onvif/device_service";
		}
		return webOrigin() + "/onvif/device_service";
	}

	/** Scheme, address and (where not the scheme's default) port of the device's web UI. */
	String webOrigin() {
		if (has(Weakness.CLEARTEXT_MANAGEMENT)) {
			int port = profile().webPort();
			return "http://" + address() + (port == 80 ? "" : ":" + port);
		}
		return "https://" + address();
	}

	/** The base of the device's RTSP URLs. */
	String rtspOrigin() {
		return "rtsp://" + address() + ":" + profile().rtspPort();
	}

	/** The firmware as a URL query value, as the login pages' script URLs carry it. */
	/** The login page's {@code ?version=} value: empty on a device that hides its firmware from strangers. */
	String firmwareQueryValue() {
		if (behaves(Behaviour.FIRMWARE_HIDDEN)) {
			return "";
		}
		return URLEncoder.encode(firmware(), StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The 401 this device's web server sends. */
	Response webChallenge() {
		Response challenge = Response.status(401, "Unauthorized");
		if (web.basicOffered()) {
			return challenge.with("WWW-Authenticate", web.basicChallenge(web.realm()));
		}
		return challenge.with("WWW-Authenticate", web.digestChallenge());
	}

	/**
	 * Serves {@code content} if the request carries the right credentials, or carries none and the device
	 * has {@code openWithout} (null: no weakness opens it); otherwise the challenge.
	 */
	Response guarded(Request request, Weakness openWithout, Supplier<Response> content) {
		AccountCheck.Verdict verdict = web.check(request);
		if (verdict == AccountCheck.Verdict.LOCKED) {
			return locked();
		}
		boolean open = verdict == AccountCheck.Verdict.GRANTED
				|| verdict == AccountCheck.Verdict.ANONYMOUS && openWithout != null && has(openWithout);
		return open ? content.get() : webChallenge();
	}

	/** The answer to any login while the lockout holds (lab value). */
	static Response locked() {
		return Response.status(403, "Forbidden").withBody("text/plain", "account locked");
	}

	boolean behaves(Behaviour behaviour) {
		return spec.behaves(behaviour);
	}

	/** Headers every web answer of this profile starts with (the Server banner, where the vendor sends one). */
	List<Header> webBanner() {
		return switch (profile()) {
			case HIKVISION_IPC -> List.of(new Header("Server", "App-webs/"));
			case XIONGMAI_IPC -> List.of(new Header("Server",
					has(Weakness.KNOWN_CVE) ? "uc-httpd 1.0.0" : "uc-httpd/1.1.0"));
			case ONVIF_GENERIC -> List.of(new Header("Server", "httpd"));
			case DAHUA_IPC, DAHUA_NVR, AXIS_IPC, WHITELABEL_IPC -> List.of();
		};
	}

	boolean upperCaseHeaders() {
		return profile() == Profile.DAHUA_IPC || profile() == Profile.DAHUA_NVR;
	}

}
