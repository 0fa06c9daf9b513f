package vn.camguard.scanner.scan;

import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.check.Check;
import vn.camguard.scanner.check.CleartextWebCheck;
import vn.camguard.scanner.check.CredentialCheck;
import vn.camguard.scanner.check.DeviceContext;
import vn.camguard.scanner.check.FirmwareCveCheck;
import vn.camguard.scanner.check.FirmwareOutdatedCheck;
import vn.camguard.scanner.check.OnvifNoAuthCheck;
import vn.camguard.scanner.check.RtspNoAuthCheck;
import vn.camguard.scanner.check.SnapshotNoAuthCheck;
import vn.camguard.scanner.check.TelnetCheck;
import vn.camguard.scanner.check.TlsVersionsCheck;
import vn.camguard.scanner.discovery.PortSweep;
import vn.camguard.scanner.discovery.WsDiscovery;
import vn.camguard.scanner.fingerprint.Fingerprinter;
import vn.camguard.scanner.fingerprint.Observations;
import vn.camguard.scanner.fingerprint.VendorCatalogue;
import vn.camguard.scanner.fingerprint.VendorFamily;
import vn.camguard.scanner.http.HttpProbe;
import vn.camguard.scanner.http.HttpRequest;
import vn.camguard.scanner.http.WebPage;
import vn.camguard.scanner.onvif.OnvifClient;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.wire.Excerpt;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans one device: port sweep, WS-Discovery, web page, RTSP, ONVIF (all without credentials), then the
 * fingerprint, then the checks. Whatever the device does, {@link #run} returns a report: a silent or garbage
 * port is marked unresponsive after its first timeout and costs nothing more.
 */
public final class DeviceScan {

	private static final int HTTPS = 443;

	private static final int HTTP = 80;

	private static final int RTSP = 554;

	private static final int MAX_REDIRECTS = 3;

	private static final String GENERIC_RTSP_PATH = "/";

	private static final Pattern IDENTITY_PROPERTY = Pattern.compile(
			"\"(Brand|ProdNbr|ProdFullName|Version|SerialNumber|ProdType)\"\\s*:\\s*\"([^\"\\\\]{0,200})\"");

	private final ScanRequest request;

	private final DeviceContext.Tools tools;

	private final Fingerprinter fingerprinter;

	private final VendorCatalogue vendors;

	private final RateLimit rateLimit;

	private final PortSweep sweep;

	private final WsDiscovery discovery;

	private final List<Check> checks = List.of(new TelnetCheck(), new CleartextWebCheck(), new SnapshotNoAuthCheck(),
			new RtspNoAuthCheck(), new OnvifNoAuthCheck(), new FirmwareCveCheck(), new FirmwareOutdatedCheck(),
			new TlsVersionsCheck(), new CredentialCheck());

	public DeviceScan(ScanRequest request, DeviceContext.Tools tools, Fingerprinter fingerprinter,
			VendorCatalogue vendors, RateLimit rateLimit) {
		this.request = request;
		this.tools = tools;
		this.fingerprinter = fingerprinter;
		this.vendors = vendors;
		this.rateLimit = rateLimit;
		this.sweep = new PortSweep(tools.connector());
		this.discovery = new WsDiscovery(request.discoveryTimeout());
	}

	public DeviceReport run(InetAddress host) {
		long started = System.nanoTime();
		List<String> notes = new ArrayList<>();
		try {
			return scan(host, notes, started);
		}
		catch (RuntimeException ex) {
			// A device must never end the scan; what went wrong is kept as a note.
			notes.add("scan aborted: " + ex.getClass().getSimpleName() + " " + Excerpt.of(ex.getMessage()));
			return new DeviceReport(host.getHostAddress(), List.of(), Fingerprint.unknown(), List.of(), notes,
					elapsed(started));
		}
		finally {
			rateLimit.forget(host);
		}
	}

	private DeviceReport scan(InetAddress host, List<String> notes, long started) {
		try (HttpProbe http = new HttpProbe(tools.connector())) {
			return scan(host, notes, started, http, new OnvifClient(http));
		}
	}

	private DeviceReport scan(InetAddress host, List<String> notes, long started, HttpProbe http, OnvifClient onvifClient) {
		PortSweep.Result ports = sweep.sweep(host, request.ports());
		if (ports.open().isEmpty()) {
			return new DeviceReport(host.getHostAddress(), List.of(), Fingerprint.unknown(), List.of(), notes,
					elapsed(started));
		}
		Set<Integer> open = ports.open();
		Set<Integer> unresponsive = new HashSet<>();
		// WS-Discovery runs beside the web fetch: a UDP answer can take a while and must not add to it.
		java.util.concurrent.CompletableFuture<Optional<WsDiscovery.ProbeMatch>> wsdAnswer = new java.util.concurrent.CompletableFuture<>();
		Thread.ofVirtual().start(() -> wsdAnswer.complete(discovery.probe(host)));
		Optional<WsDiscovery.ProbeMatch> wsd = Optional.empty();

		// Web: HTTPS first (its presence decides clear-text management), plain HTTP only if HTTPS is absent.
		// "/" redirects to the login page on every family, so no WS-Discovery guess is needed here.
		String firstPath = "/";
		Optional<HttpProbe.Endpoint> web = Optional.empty();
		Optional<WebPage> page = Optional.empty();
		Optional<WebPage> cleartextPage = Optional.empty();
		Optional<String> tlsProtocol = Optional.empty();
		Optional<String> httpRealm = Optional.empty();
		boolean httpsOffered = false;
		if (open.contains(HTTPS)) {
			HttpProbe.Endpoint https = new HttpProbe.Endpoint(host, HTTPS, true);
			Fetched fetched = fetch(http, https, firstPath, unresponsive, notes);
			if (fetched.page().isPresent()) {
				httpsOffered = true;
				tlsProtocol = fetched.tlsProtocol();
				web = Optional.of(https);
				page = fetched.page();
				httpRealm = fetched.realm();
			}
		}
		if (!httpsOffered && open.contains(HTTP)) {
			HttpProbe.Endpoint plain = new HttpProbe.Endpoint(host, HTTP, false);
			Fetched fetched = fetch(http, plain, firstPath, unresponsive, notes);
			if (fetched.page().isPresent()) {
				web = Optional.of(plain);
				page = fetched.page();
				httpRealm = fetched.realm();
				if (!fetched.redirectedToHttps() && page.get().status() < 400) {
					cleartextPage = page;
				}
			}
		}

		wsd = wsdAnswer.join();
		Map<String, String> identity = new LinkedHashMap<>();
		Observations early = new Observations(open, wsd, page, httpRealm, Optional.empty(), Optional.empty(),
				Optional.empty(), Map.of());
		Optional<VendorFamily> family = vendors.family(fingerprinter.identify(early).vendor());
		if (web.isPresent() && family.flatMap(VendorFamily::identityPath).isPresent()) {
			Reply reply = http.send(web.get(), HttpRequest.get(family.get().identityPath().get()));
			if (reply instanceof Reply.Message m && m.status() == 200) {
				Matcher props = IDENTITY_PROPERTY.matcher(m.bodyText());
				while (props.find() && identity.size() < 10) {
					identity.putIfAbsent(props.group(1), props.group(2));
				}
			}
		}

		RtspSession rtsp = new RtspSession(tools.connector(), host, RTSP);
		Optional<String> rtspServer = Optional.empty();
		Optional<String> rtspPath = Optional.empty();
		Optional<Reply> rtspAnonymous = Optional.empty();
		Optional<Challenge> rtspChallenge = Optional.empty();
		if (open.contains(RTSP)) {
			Reply options = rtsp.options();
			if (options instanceof Reply.Message m) {
				rtspServer = m.headers().first("Server");
				String path = family.map(f -> f.rtspPaths().getFirst()).orElse(GENERIC_RTSP_PATH);
				Reply described = rtsp.describe(path);
				rtspPath = Optional.of(path);
				rtspAnonymous = Optional.of(described);
				rtspChallenge = RtspSession.challengeOf(described);
				note(RTSP, described, unresponsive, notes);
			}
			else {
				note(RTSP, options, unresponsive, notes);
			}
		}

		Optional<DeviceContext.OnvifEndpoint> onvif = Optional.empty();
		Optional<OnvifClient.Outcome> onvifAnonymous = Optional.empty();
		for (DeviceContext.OnvifEndpoint candidate : onvifCandidates(host, wsd, web, family, open, unresponsive)) {
			OnvifClient.Outcome outcome = onvifClient.getDeviceInformation(candidate.endpoint(), candidate.path(),
					Optional.empty());
			if (!(outcome instanceof OnvifClient.Outcome.Unavailable)) {
				onvif = Optional.of(candidate);
				onvifAnonymous = Optional.of(outcome);
				break;
			}
		}
		Optional<OnvifClient.DeviceInformation> onvifInfo = onvifAnonymous
				.filter(o -> o instanceof OnvifClient.Outcome.Answered)
				.map(o -> OnvifClient.deviceInformation(((OnvifClient.Outcome.Answered) o).body()));

		Observations seen = new Observations(open, wsd, page, httpRealm, rtspServer,
				rtspChallenge.map(Challenge::realm), onvifInfo, identity);
		Fingerprint fingerprint = fingerprinter.identify(seen);
		if (tlsProtocol.isPresent()) {
			List<Evidence> evidence = new ArrayList<>(fingerprint.evidence());
			evidence.add(new Evidence("tls/443", "negotiated " + tlsProtocol.get()));
			fingerprint = new Fingerprint(fingerprint.vendor(), fingerprint.model(), fingerprint.firmware(),
					fingerprint.kind(), evidence);
		}
		Optional<String> telnetBanner = open.contains(TelnetCheck.PORT)
				? sweep.banner(host, TelnetCheck.PORT) : Optional.empty();

		DeviceContext context = new DeviceContext(host, open, fingerprint, vendors.family(fingerprint.vendor()), web, page,
				cleartextPage, httpsOffered, tlsProtocol, onvif, onvifAnonymous, rtsp, rtspPath, rtspAnonymous,
				rtspChallenge, telnetBanner, unresponsive, http, onvifClient, tools);
		List<Finding> findings = new ArrayList<>();
		try (rtsp) {
			for (Check check : checks) {
				findings.addAll(check.evaluate(context));
			}
		}
		return new DeviceReport(host.getHostAddress(), List.copyOf(new java.util.TreeSet<>(open)), fingerprint, findings,
				notes, elapsed(started));
	}

	/** A page reached from a path, following same-host redirects. */
	private record Fetched(Optional<WebPage> page, Optional<String> tlsProtocol, Optional<String> realm,
			boolean redirectedToHttps) {
	}

	private Fetched fetch(HttpProbe http, HttpProbe.Endpoint endpoint, String firstPath, Set<Integer> unresponsive, List<String> notes) {
		String path = firstPath;
		Optional<String> tls = Optional.empty();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpProbe.Exchange exchange = http.exchange(endpoint, HttpRequest.get(path));
			tls = exchange.tlsProtocol().or(() -> Optional.empty());
			if (!(exchange.reply() instanceof Reply.Message m)) {
				note(endpoint.port(), exchange.reply(), unresponsive, notes);
				return new Fetched(Optional.empty(), tls, Optional.empty(), false);
			}
			Optional<String> realm = m.status() == 401
					? Challenge.best(m.headers().all("WWW-Authenticate")).map(Challenge::realm) : Optional.empty();
			String location = m.header("Location");
			if (m.status() >= 300 && m.status() < 400 && !location.isEmpty()) {
				Optional<String> next = sameHostPath(endpoint, location);
				if (location.regionMatches(true, 0, "https://", 0, 8) && !endpoint.tls()) {
					return new Fetched(Optional.of(WebPage.of(endpoint + path, m)), tls, realm, true);
				}
				if (next.isPresent()) {
					path = next.get();
					continue;
				}
			}
			if (m.status() == 404 && !path.equals("/") && hop == 0) {
				path = "/";
				continue;
			}
			return new Fetched(Optional.of(WebPage.of(endpoint + path, m)), tls, realm, false);
		}
		return new Fetched(Optional.empty(), tls, Optional.empty(), false);
	}

	/** The path of a redirect that stays on this device and scheme; anything else is not followed. */
	private static Optional<String> sameHostPath(HttpProbe.Endpoint endpoint, String location) {
		if (location.startsWith("/") && !location.startsWith("//")) {
			return Optional.of(location);
		}
		try {
			URI uri = new URI(location);
			if (endpoint.scheme().equalsIgnoreCase(uri.getScheme())
					&& endpoint.host().getHostAddress().equals(uri.getHost())
					&& (uri.getPort() == -1 || uri.getPort() == endpoint.port())) {
				String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
				return Optional.of(uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery());
			}
		}
		catch (java.net.URISyntaxException ex) {
			// An unparseable Location is a device quirk, not a reason to stop: the page stands as it is.
		}
		return Optional.empty();
	}

	private List<DeviceContext.OnvifEndpoint> onvifCandidates(InetAddress host, Optional<WsDiscovery.ProbeMatch> wsd,
			Optional<HttpProbe.Endpoint> web, Optional<VendorFamily> family, Set<Integer> open, Set<Integer> unresponsive) {
		List<DeviceContext.OnvifEndpoint> candidates = new ArrayList<>();
		// XAddrs are device-supplied: only an address on this very device is used (the scope is never left).
		for (String xaddr : wsd.map(WsDiscovery.ProbeMatch::xaddrs).orElse(List.of())) {
			try {
				URI uri = new URI(xaddr);
				boolean tls = "https".equalsIgnoreCase(uri.getScheme());
				int port = uri.getPort() > 0 ? uri.getPort() : tls ? HTTPS : HTTP;
				if (host.getHostAddress().equals(uri.getHost()) && open.contains(port) && !unresponsive.contains(port)
						&& ("http".equalsIgnoreCase(uri.getScheme()) || tls)) {
					candidates.add(new DeviceContext.OnvifEndpoint(new HttpProbe.Endpoint(host, port, tls),
							uri.getRawPath() == null || uri.getRawPath().isEmpty() ? OnvifClient.DEVICE_SERVICE
									: uri.getRawPath()));
				}
			}
			catch (java.net.URISyntaxException ex) {
				// Ignore a malformed XAddr; the default places below are still tried.
			}
		}
		if (candidates.isEmpty()) {
			for (int port : family.map(VendorFamily::onvifPorts).orElse(List.of())) {
				if (open.contains(port)) {
					candidates.add(new DeviceContext.OnvifEndpoint(new HttpProbe.Endpoint(host, port, false),
							OnvifClient.DEVICE_SERVICE));
				}
			}
			web.filter(w -> !unresponsive.contains(w.port()))
					.ifPresent(w -> candidates.add(new DeviceContext.OnvifEndpoint(w, OnvifClient.DEVICE_SERVICE)));
		}
		return candidates.stream().distinct().limit(2).toList();
	}

	private static void note(int port, Reply reply, Set<Integer> unresponsive, List<String> notes) {
		switch (reply) {
			case Reply.NoAnswer none when none.why().contains("timed out") -> {
				unresponsive.add(port);
				notes.add("port " + port + ": " + none.why());
			}
			case Reply.Unparseable bad -> {
				unresponsive.add(port);
				notes.add("port " + port + ": unparseable answer (" + bad.why() + ")");
			}
			case Reply.NoAnswer none -> notes.add("port " + port + ": " + none.why());
			default -> {
			}
		}
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000L;
	}

}
