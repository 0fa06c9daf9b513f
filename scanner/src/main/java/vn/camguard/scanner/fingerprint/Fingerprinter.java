package vn.camguard.scanner.fingerprint;

import vn.camguard.scanner.DeviceKind;
import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.http.WebPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides vendor, model, firmware and kind from {@link Observations}. Self-descriptions (WS-Discovery
 * scopes, ONVIF device information, a vendor identity API) outweigh banner rules; every vote that counted
 * is kept as evidence.
 */
public final class Fingerprinter {

	/** Weight of a device naming its own vendor, against the 1-3 of banner rules. */
	private static final int SELF_DESCRIPTION = 10;

	private static final Pattern RECORDER_MODEL = Pattern.compile("^(?:[A-Z]{0,4}-)?(?:NVR|DVR|XVR|HCVR|DNVR)",
			Pattern.CASE_INSENSITIVE);

	private final FingerprintRules rules;

	private final VendorCatalogue vendors;

	public Fingerprinter(FingerprintRules rules, VendorCatalogue vendors) {
		this.rules = rules;
		this.vendors = vendors;
	}

	public Fingerprint identify(Observations seen) {
		Map<String, Integer> votes = new LinkedHashMap<>();
		List<Evidence> evidence = new ArrayList<>();
		DeviceKind kind = DeviceKind.UNKNOWN;

		seen.discovery().flatMap(d -> d.scope("name")).ifPresent(name -> {
			vote(votes, vendors.canonical(name), SELF_DESCRIPTION);
			evidence.add(new Evidence("ws-discovery", "scope name/" + name));
		});
		seen.onvif().filter(i -> !i.manufacturer().isEmpty()).ifPresent(info -> {
			vote(votes, vendors.canonical(info.manufacturer()), SELF_DESCRIPTION);
			evidence.add(new Evidence("onvif", "GetDeviceInformation Manufacturer=" + info.manufacturer()));
		});
		Optional.ofNullable(seen.identity().get("Brand")).ifPresent(brand -> {
			vote(votes, vendors.canonical(brand), SELF_DESCRIPTION);
			evidence.add(new Evidence("http", "identity API Brand=" + brand));
		});

		List<FingerprintRules.Rule> hits = new ArrayList<>();
		seen.webPage().ifPresent(page -> {
			hits.addAll(apply("http.server", page.server(), evidence));
			hits.addAll(apply("http.title", page.title(), evidence));
			hits.addAll(apply("http.body", page.body(), evidence));
			hits.addAll(apply("http.headers-uppercase", page.upperCaseHeaders() ? "true" : "", evidence));
		});
		seen.httpRealm().ifPresent(realm -> hits.addAll(apply("http.realm", realm, evidence)));
		seen.rtspServer().ifPresent(server -> hits.addAll(apply("rtsp.server", server, evidence)));
		seen.rtspRealm().ifPresent(realm -> hits.addAll(apply("rtsp.realm", realm, evidence)));
		seen.telnetBanner().ifPresent(banner -> hits.addAll(apply("telnet.banner", banner, evidence)));
		for (int port : seen.openPorts()) {
			hits.addAll(apply("tcp.port", Integer.toString(port), evidence));
		}
		for (FingerprintRules.Rule hit : hits) {
			vote(votes, hit.vendor(), hit.weight());
			if (hit.kind() != DeviceKind.UNKNOWN) {
				kind = hit.kind();
			}
		}
		String vendor = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");

		String model = first(seen.identity().get("ProdNbr"), seen.onvif().map(i -> i.model()).orElse(null),
				seen.discovery().flatMap(d -> d.scope("hardware")).orElse(null));
		String firmware = first(seen.onvif().map(i -> i.firmwareVersion()).orElse(null), seen.identity().get("Version"),
				seen.webPage().flatMap(WebPage::scriptVersion).orElse(null));
		if (!firmware.isEmpty()) {
			evidence.add(new Evidence("firmware", source(seen, firmware)));
		}
		if (!model.isEmpty()) {
			evidence.add(new Evidence("model", modelSource(seen, model)));
		}

		boolean recorderScope = seen.discovery().map(d -> d.scopes().stream().anyMatch(s -> s.endsWith("/type/video_recorder"))
				|| (d.types().stream().noneMatch(t -> t.endsWith("NetworkVideoTransmitter")) && !d.types().isEmpty()))
				.orElse(false);
		if (recorderScope || RECORDER_MODEL.matcher(model).find()) {
			kind = DeviceKind.RECORDER;
		}
		else if (kind == DeviceKind.UNKNOWN && !vendor.isEmpty()) {
			kind = DeviceKind.CAMERA;
		}
		return new Fingerprint(vendor, model, firmware, kind, evidence);
	}

	private List<FingerprintRules.Rule> apply(String source, String text, List<Evidence> evidence) {
		List<FingerprintRules.Rule> hits = rules.matching(source, text);
		for (FingerprintRules.Rule hit : hits) {
			evidence.add(new Evidence(source, hit.vendor() + " by /" + hit.pattern().pattern() + "/ (" + hit.origin() + ")"));
		}
		return hits;
	}

	private static String source(Observations seen, String firmware) {
		if (seen.onvif().map(i -> i.firmwareVersion().equals(firmware)).orElse(false)) {
			return "ONVIF FirmwareVersion " + firmware;
		}
		if (firmware.equals(seen.identity().get("Version"))) {
			return "identity API Version " + firmware;
		}
		return "login page script ?version=" + firmware;
	}

	private static String modelSource(Observations seen, String model) {
		if (model.equals(seen.identity().get("ProdNbr"))) {
			return "identity API ProdNbr " + model;
		}
		if (seen.onvif().map(i -> i.model().equals(model)).orElse(false)) {
			return "ONVIF Model " + model;
		}
		return "ws-discovery scope hardware/" + model;
	}

	private static void vote(Map<String, Integer> votes, String vendor, int weight) {
		if (!vendor.isBlank()) {
			votes.merge(vendor, weight, Integer::sum);
		}
	}

	private static String first(String... candidates) {
		for (String c : candidates) {
			if (c != null && !c.isBlank()) {
				return c.strip();
			}
		}
		return "";
	}

}
