package vn.camguard.scanner.fingerprint;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.DeviceKind;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.discovery.WsDiscovery;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.wire.Headers;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints from banners as fingerprints.md records them for real devices, without a lab. */
class FingerprinterTests {

	final Fingerprinter fingerprinter = new Fingerprinter(FingerprintRules.load(), VendorCatalogue.load());

	static WebPage page(String server, String body, String... headerNames) {
		List<Headers.Header> headers = new java.util.ArrayList<>();
		if (!server.isEmpty()) {
			headers.add(new Headers.Header("Server", server));
		}
		for (String name : headerNames) {
			headers.add(new Headers.Header(name, "x"));
		}
		return WebPage.of("http://127.20.0.1:80/", new Reply.Message("HTTP/1.1", 200, "OK", new Headers(headers),
				body.getBytes(StandardCharsets.UTF_8), false));
	}

	static Observations seen(Optional<WebPage> page, Optional<String> rtspServer, Optional<String> rtspRealm,
			Set<Integer> ports) {
		return new Observations(ports, Optional.empty(), page, Optional.empty(), rtspServer, rtspRealm, Optional.empty(),
				Map.of(), Optional.empty());
	}

	@Test
	void whiteLabelNamesMapToTheirMaker() {
		VendorCatalogue vendors = VendorCatalogue.load();
		for (String dahua : List.of("KBVision", "Imou", "IMOU", "Amcrest", "Lorex")) {
			assertThat(vendors.canonical(dahua)).as(dahua).isEqualTo("Dahua");
		}
		for (String hikvision : List.of("HiLook", "EZVIZ", "HiWatch")) {
			assertThat(vendors.canonical(hikvision)).as(hikvision).isEqualTo("Hikvision");
		}
		assertThat(vendors.canonical("Nobody Inc")).isEqualTo("Nobody Inc");
	}

	@Test
	void hikvisionFromServerHeaderRealmAndScriptVersion() {
		WebPage login = page("App-webs/", "<title>Hikvision Digital Technology - Login</title>"
				+ "<script type=\"text/javascript\" src=\"../script/login.js?version=V5.5.82%20build%20190909\"></script>");
		Fingerprint fp = fingerprinter.identify(seen(Optional.of(login), Optional.empty(), Optional.of("Hikvision"),
				Set.of(80, 554, 8000)));
		assertThat(fp.vendor()).isEqualTo("Hikvision");
		assertThat(fp.firmware()).isEqualTo("V5.5.82 build 190909");
		assertThat(fp.kind()).isEqualTo(DeviceKind.CAMERA);
		assertThat(fp.evidence()).anyMatch(e -> e.detail().contains("App-webs"));
	}

	@Test
	void dahuaFromUpperCaseHeadersTitleAndRtspServer() {
		WebPage page = page("", "\uFEFF<!DOCTYPE html><title>WEB SERVICE</title>", "CONNECTION", "CONTENT-LENGTH");
		Fingerprint fp = fingerprinter.identify(seen(Optional.of(page), Optional.of("Dahua Rtsp Server"),
				Optional.of("Login to ND011811000000"), Set.of(80, 554, 37777)));
		assertThat(fp.vendor()).isEqualTo("Dahua");
	}

	@Test
	void xiongMaiFromUcHttpdAndH264Dvr() {
		Fingerprint fp = fingerprinter.identify(seen(Optional.of(page("uc-httpd 1.0.0", "<title>NETSurveillance WEB</title>")),
				Optional.of("H264DVR 1.0"), Optional.empty(), Set.of(80, 554, 34567)));
		assertThat(fp.vendor()).isEqualTo("XiongMai");
	}

	@Test
	void selfDescriptionOutweighsBannersAndGivesModelAndKind() throws Exception {
		var wsd = new WsDiscovery.ProbeMatch(InetAddress.getByName("127.20.0.1"), List.of("tds:Device"),
				List.of("onvif://www.onvif.org/name/DAHUA", "onvif://www.onvif.org/hardware/NVR2108HS-4KS2",
						"onvif://www.onvif.org/type/video_recorder"),
				List.of());
		Observations seen = new Observations(Set.of(80, 554, 8000), Optional.of(wsd), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(),
				Optional.of(new OnvifClient.DeviceInformation("Dahua", "NVR2108HS-4KS2", "V4.001.0000000.11.R.20240105",
						"S1", "H1")),
				Map.of(), Optional.empty());
		Fingerprint fp = fingerprinter.identify(seen);
		assertThat(fp.vendor()).isEqualTo("Dahua");
		assertThat(fp.model()).isEqualTo("NVR2108HS-4KS2");
		assertThat(fp.firmware()).isEqualTo("V4.001.0000000.11.R.20240105");
		assertThat(fp.kind()).isEqualTo(DeviceKind.RECORDER);
	}

	@Test
	void telnetBannersCount() {
		Observations seen = new Observations(Set.of(23), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.of("192.0.0.64 login:"));
		assertThat(fingerprinter.identify(seen).vendor()).isEqualTo("Hikvision");
	}

	@Test
	void nothingKnownGivesAnUnknownDevice() {
		Fingerprint fp = fingerprinter.identify(seen(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(9999)));
		assertThat(fp.identified()).isFalse();
		assertThat(fp.kind()).isEqualTo(DeviceKind.UNKNOWN);
	}

}
