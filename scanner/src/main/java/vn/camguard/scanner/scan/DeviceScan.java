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
import vn.camguard.scanner.check.DeviceClients;
import vn.camguard.scanner.check.DeviceObservations;
import vn.camguard.scanner.check.FirmwareCveCheck;
import vn.camguard.scanner.check.FirmwareOutdatedCheck;
import vn.camguard.scanner.check.FtpCheck;
import vn.camguard.scanner.check.OnvifNoAuthCheck;
import vn.camguard.scanner.check.RtspNoAuthCheck;
import vn.camguard.scanner.check.SnapshotNoAuthCheck;
import vn.camguard.scanner.check.TelnetCheck;
import vn.camguard.scanner.check.TlsCheck;
import vn.camguard.scanner.discovery.PortSweep;
import vn.camguard.scanner.discovery.ServiceDetection;
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
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans one device: every request to it goes out here, in one sequence ({@code Visit.run}): port sweep, content
 * detection, WS-Discovery, web page, RTSP, ONVIF (all without credentials), the fingerprint, the login plan, the
 * identity (and serial number and MAC) a found credential reads, the TLS survey. What the device said is then a plain record
 * ({@link DeviceObservations}) the checks judge without sending anything. Whatever the device does, {@link #run} returns a report: a silent or garbage
 * port is marked unresponsive after its first timeout and costs nothing more.
 */
public final class DeviceScan {

	private static final int HTTPS = 443;

	private static final int HTTP = 80;

	private static final int RTSP = 554;

	private static final int MAX_REDIRECTS = 3;

	/** Unanswered DESCRIBEs sent in one write while looking for a route (when the device takes pipelining). */
	private static final int ROUTE_BATCH = 10;

	/** A web port of its own some families serve ONVIF on (XiongMai: 8899), plain HTTP. */
	private static final int ONVIF_ALTERNATIVE = 8899;

	/** Where devices usually serve TLS: HTTPS on its standard port and on the common alternative. */
	private static final List<Integer> USUAL_TLS_PORTS = List.of(HTTPS, 8443);

	/** The web ports whose sweep connection the HTTP probe starts on. */
	private static final List<Integer> WEB_PORTS = Stream.concat(Stream.of(HTTP, ONVIF_ALTERNATIVE),
			USUAL_TLS_PORTS.stream()).toList();

	/** Ports whose sweep connection the probes go on using: each saves a connect on both ends. */
	private static final Set<Integer> KEPT_PORTS = Stream.concat(WEB_PORTS.stream(), Stream.of(RTSP, TelnetCheck.PORT))
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * Ports whose usual protocol is asked for directly, each saving a device the content probe's wait and round
	 * trip: the web, RTSP and telnet ports above, FTP and SSH (banners), and the vendor SDK ports the fingerprint
	 * rules know (Hikvision 8000, Dahua 37777, XiongMai 34567: binary, no check speaks to them). Every other open
	 * port is asked what it speaks ({@link ServiceDetection}).
	 */
	private static final Set<Integer> USUAL_PORTS = Stream.concat(KEPT_PORTS.stream(), Stream.of(21, 22, 8000, 37777,
			34567)).collect(Collectors.toUnmodifiableSet());

	private static final Pattern IDENTITY_PROPERTY = Pattern.compile(
			"\"(Brand|ProdNbr|ProdFullName|Version|SerialNumber|ProdType)\"\\s*:\\s*\"([^\"\\\\]{0,200})\"");

	private final ScanRequest request;

	private final DeviceClients.Tools tools;

	private final Fingerprinter fingerprinter;

	private final VendorCatalogue vendors;

	private final RateLimit rateLimit;

	private final PortSweep sweep;

	private final WsDiscovery discovery;

	private final ServiceDetection detection;

	/** Pure functions of what the device said: they run last and send nothing. */
	private final List<Check> checks;

	/** The login step: a credential it finds may tell the firmware the checks judge. */
	private final CredentialCheck credentialCheck = new CredentialCheck();

	private final TlsSurvey tlsSurvey;

	public DeviceScan(ScanRequest request, DeviceClients.Tools tools, Fingerprinter fingerprinter,
			VendorCatalogue vendors, RateLimit rateLimit) {
		this.request = request;
		this.tools = tools;
		this.fingerprinter = fingerprinter;
		this.vendors = vendors;
		this.rateLimit = rateLimit;
		this.sweep = new PortSweep(tools.connector());
		this.discovery = new WsDiscovery(request.discoveryTimeout());
		this.detection = new ServiceDetection(tools.connector());
		this.tlsSurvey = new TlsSurvey(tools.connector());
		this.checks = List.of(new TelnetCheck(), new FtpCheck(), new CleartextWebCheck(), new SnapshotNoAuthCheck(),
				new RtspNoAuthCheck(), new OnvifNoAuthCheck(), new FirmwareCveCheck(tools.cves()),
				new FirmwareOutdatedCheck(tools.cves()), new TlsCheck());
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
		PortSweep.Result ports = sweep.sweep(host, request.ports(), KEPT_PORTS);
		try (PortSweep.KeptConnections kept = ports.kept()) {
			if (ports.open().isEmpty()) {
				return new DeviceReport(host.getHostAddress(), List.of(), Fingerprint.unknown(), List.of(), notes,
						elapsed(started));
			}
			try (Visit visit = new Visit(host, ports.open(), kept, notes)) {
				return visit.run(started);
			}
		}
	}

	/** What the web port showed: the endpoint used, its page, and whether it was clear text or TLS. */
	private record Web(Optional<HttpProbe.Endpoint> endpoint, Optional<WebPage> page, Optional<WebPage> cleartextPage,
			boolean httpsOffered, Optional<String> tlsProtocol, Optional<String> realm) {
	}

	/** The answer to a GET of a snapshot path without credentials. */
	private record SnapshotFetched(String path, Reply reply) {
	}

	/** What RTSP showed without credentials: the first port's Server header and the route found on each port. */
	private record Rtsp(Optional<String> server, List<DeviceObservations.RtspRoute> routes) {

		Optional<String> realm() {
			return routes.stream().flatMap(r -> r.challenge().stream()).map(Challenge::realm).findFirst();
		}

	}

	/** Where ONVIF answered and what GetDeviceInformation said without credentials. */
	private record Onvif(Optional<DeviceObservations.OnvifEndpoint> endpoint, Optional<OnvifClient.Outcome> anonymous) {

		Optional<OnvifClient.DeviceInformation> information() {
			return anonymous.filter(OnvifClient.Outcome.Answered.class::isInstance)
					.map(o -> OnvifClient.deviceInformation(((OnvifClient.Outcome.Answered) o).body()));
		}

	}

	/**
	 * One device's probes, in order, sharing its connections; remembers which ports stopped answering so
	 * that no later step waits on them again.
	 */
	private final class Visit implements AutoCloseable {

		private final InetAddress host;

		private final Set<Integer> open;

		private final PortSweep.KeptConnections kept;

		private final Set<Integer> unresponsive = new HashSet<>();

		private final List<String> notes;

		private final HttpProbe http;

		private final OnvifClient onvifClient;

		private final Map<Integer, RtspSession> rtspSessions = new LinkedHashMap<>();

		/** The open ports that are not {@link #USUAL_PORTS}, by what their content showed. */
		private final Map<Integer, ServiceDetection.Detected> detected;

		/**
		 * The ports that speak TLS, the one place that says so: the usual TLS ports that are open, then the other
		 * ports whose content showed TLS, in port order. The web page and the TLS check both go by it.
		 */
		private final List<Integer> tlsPorts;

		/** The snapshot path's answer when it was fetched together with the ONVIF call. */
		private Optional<SnapshotFetched> snapshotFetched = Optional.empty();

		/** The live clients of this visit, for the steps that ask the device with what it already showed. */
		private final DeviceClients clients;

		Visit(InetAddress host, Set<Integer> open, PortSweep.KeptConnections kept, List<String> notes) {
			this.host = host;
			this.open = open;
			this.kept = kept;
			this.notes = notes;
			this.http = new HttpProbe(tools.connector());
			this.onvifClient = new OnvifClient(http);
			this.clients = new DeviceClients(http, onvifClient, rtspSessions, tools, notes);
			this.detected = detection.detect(host, open.stream().filter(p -> !USUAL_PORTS.contains(p)).sorted().toList());
			List<Integer> tls = new ArrayList<>(USUAL_TLS_PORTS.stream().filter(open::contains).toList());
			tls.addAll(ports(ServiceDetection.Service.TLS));
			this.tlsPorts = List.copyOf(tls);
			for (int port : WEB_PORTS) {
				kept.take(port).ifPresent(connection -> http.adopt(
						new HttpProbe.Endpoint(host, port, USUAL_TLS_PORTS.contains(port)), connection));
			}
		}

		/**
		 * The device's probe sequence, in the order it goes on the wire (the port sweep and the content detection
		 * of unusual ports came before, see {@link #scan} and the constructor): the web page with WS-Discovery
		 * beside it; telnet banners; what the family, guessed from those, shows without credentials (identity API,
		 * RTSP routes, ONVIF, snapshot); the login plan; with a credential found, the identity it reads; the TLS
		 * survey of every TLS port. Then the checks, which only read what all this observed.
		 */
		DeviceReport run(long started) {
			// The WS-Discovery probe goes out before the web fetch and its answer is read after it: a UDP answer
			// can take a while and must not add to the fetch, and by then it is usually waiting in the socket.
			Web web;
			Optional<WsDiscovery.ProbeMatch> wsd;
			try (WsDiscovery.Probe probe = discovery.start(host)) {
				web = web();
				wsd = probe.answer();
			}
			Map<Integer, Optional<String>> telnet = telnet();
			Optional<String> telnetBanner = telnet.values().stream().flatMap(Optional::stream).findFirst();
			Optional<VendorFamily> guessed = vendors.family(fingerprinter.identify(new Observations(open, wsd, web.page(),
					web.realm(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), telnetBanner)).vendor());
			Map<String, String> identity = identity(web, guessed);
			Rtsp rtsp = rtsp(guessed);
			Onvif onvif = onvif(wsd, web, guessed);
			Fingerprint fingerprint = withTlsEvidence(fingerprinter.identify(new Observations(open, wsd, web.page(),
					web.realm(), rtsp.server(), rtsp.realm(), onvif.information(), identity, telnetBanner)), web);
			IdentifiersTold told = new IdentifiersTold();
			onvif.information().ifPresent(
					information -> told.serial(information.serialNumber(), "ONVIF GetDeviceInformation without credentials"));
			told.serial(identity.getOrDefault("SerialNumber", ""), "the vendor's identity API without credentials");
			onvifInterfaces(onvif, told);
			if (!request.checks()) {
				// discovery only: the device is found and told apart; nothing that judges it is sent
				return new DeviceReport(host.getHostAddress(), List.copyOf(new TreeSet<>(open)),
						withIdentifierEvidence(fingerprint, told), List.of(), notes, elapsed(started), told.mac(),
						told.serial());
			}
			Optional<VendorFamily> family = vendors.family(fingerprint.vendor());
			Optional<Reply> snapshot = snapshot(web, family);
			DeviceObservations seen = new DeviceObservations(host, open, fingerprint, family, web.endpoint(), web.page(),
					web.cleartextPage(), web.httpsOffered(), web.tlsProtocol(), tlsPorts, List.of(), onvif.endpoint(),
					onvif.anonymous(), rtsp.routes(), snapshot, telnet, unresponsive, Optional.empty());

			CredentialCheck.Outcome login = credentialCheck.login(seen, clients);
			seen = seen.withCredential(login.credential());
			if (login.credential().isPresent() && fingerprint.firmware().isEmpty()) {
				Optional<AuthenticatedIdentity.Read> read = AuthenticatedIdentity.read(seen, clients,
						login.credential().get());
				read.ifPresent(r -> {
					told.serial(r.information().serialNumber(), r.source());
					told.mac(r.mac(), r.source());
				});
				if (read.isPresent()) {
					Fingerprint known = fingerprinter.identify(new Observations(open, wsd, web.page(), web.realm(),
							rtsp.server(), rtsp.realm(), Optional.of(read.get().information()), identity, telnetBanner));
					List<Evidence> evidence = new ArrayList<>(known.evidence());
					evidence.add(new Evidence("firmware", "read " + read.get().source()));
					fingerprint = new Fingerprint(known.vendor(), known.model(), known.firmware(), known.kind(), evidence);
					seen = seen.withIdentity(fingerprint, vendors.family(fingerprint.vendor()));
				}
			}
			if (login.credential().isPresent() && !told.complete()) {
				AuthenticatedIdentity.identifiers(seen, clients, login.credential().get(), told);
			}
			seen = seen.withTls(tlsPorts.stream().filter(seen::responsive).map(port -> tlsSurvey.survey(host, port))
				.toList());

			List<Finding> findings = new ArrayList<>();
			for (Check check : checks) {
				findings.addAll(check.evaluate(seen));
			}
			findings.addAll(login.findings());
			return new DeviceReport(host.getHostAddress(), List.copyOf(new TreeSet<>(open)),
					withIdentifierEvidence(fingerprint, told), findings, notes, elapsed(started), told.mac(),
					told.serial());
		}

		/**
		 * The hardware address from ONVIF GetNetworkInterfaces without credentials, asked only of a device whose
		 * GetDeviceInformation already answered without them (both are read calls of the same device service).
		 */
		private void onvifInterfaces(Onvif onvif, IdentifiersTold told) {
			if (onvif.endpoint().isEmpty() || onvif.information().isEmpty()
					|| unresponsive.contains(onvif.endpoint().get().endpoint().port())) {
				return;
			}
			DeviceObservations.OnvifEndpoint endpoint = onvif.endpoint().get();
			if (onvifClient.getNetworkInterfaces(endpoint.endpoint(), endpoint.path(),
					Optional.empty()) instanceof OnvifClient.Outcome.Answered answered) {
				told.mac(OnvifClient.hardwareAddress(answered.body()), "ONVIF GetNetworkInterfaces without credentials");
			}
		}

		/** The fingerprint with where the serial number and MAC were read, when the device told them. */
		private static Fingerprint withIdentifierEvidence(Fingerprint fingerprint, IdentifiersTold told) {
			if (told.evidence().isEmpty()) {
				return fingerprint;
			}
			List<Evidence> evidence = new ArrayList<>(fingerprint.evidence());
			evidence.addAll(told.evidence());
			return new Fingerprint(fingerprint.vendor(), fingerprint.model(), fingerprint.firmware(), fingerprint.kind(),
					evidence);
		}

		/** Telnet's banner on 23 (its sweep connection) and on every other port whose content showed telnet. */
		private Map<Integer, Optional<String>> telnet() {
			Map<Integer, Optional<String>> telnet = new LinkedHashMap<>();
			if (open.contains(TelnetCheck.PORT)) {
				telnet.put(TelnetCheck.PORT, kept.take(TelnetCheck.PORT).flatMap(sweep::banner));
			}
			ports(ServiceDetection.Service.TELNET).forEach(p -> telnet.put(p, detected.get(p).banner()));
			return telnet;
		}

		/** The fingerprint with the TLS version the web page came over, when it came over TLS. */
		private static Fingerprint withTlsEvidence(Fingerprint fingerprint, Web web) {
			if (web.tlsProtocol().isEmpty()) {
				return fingerprint;
			}
			List<Evidence> evidence = new ArrayList<>(fingerprint.evidence());
			evidence.add(new Evidence("tls/" + web.endpoint().map(HttpProbe.Endpoint::port).orElse(HTTPS),
					"negotiated " + web.tlsProtocol().get()));
			return new Fingerprint(fingerprint.vendor(), fingerprint.model(), fingerprint.firmware(), fingerprint.kind(),
					evidence);
		}

		/**
		 * HTTPS first (its presence decides clear-text management), plain HTTP only when HTTPS is absent: the usual
		 * TLS ports (443, 8443) and 80, then any other port whose content showed TLS or HTTP. "/" leads to the login
		 * page on every family, so no vendor guess is needed yet.
		 */
		private Web web() {
			for (int port : tlsPorts) {
				HttpProbe.Endpoint https = new HttpProbe.Endpoint(host, port, true);
				Fetched fetched = fetch(https, "/");
				if (fetched.page().isPresent()) {
					return new Web(Optional.of(https), fetched.page(), Optional.empty(), true, fetched.tlsProtocol(),
							fetched.realm());
				}
			}
			for (int port : webPorts(HTTP, ServiceDetection.Service.HTTP)) {
				HttpProbe.Endpoint plain = new HttpProbe.Endpoint(host, port, false);
				Fetched fetched = fetch(plain, "/");
				if (fetched.page().isPresent()) {
					boolean cleartext = !fetched.redirectedToHttps() && fetched.page().get().status() < 400;
					return new Web(Optional.of(plain), fetched.page(), cleartext ? fetched.page() : Optional.empty(),
							false, Optional.empty(), fetched.realm());
				}
			}
			return new Web(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
					Optional.empty());
		}

		/** {@code usual} when open, then the other ports that showed {@code service}, in port order. */
		private List<Integer> webPorts(int usual, ServiceDetection.Service service) {
			List<Integer> ports = new ArrayList<>();
			if (open.contains(usual)) {
				ports.add(usual);
			}
			ports.addAll(ports(service));
			return ports;
		}

		private List<Integer> ports(ServiceDetection.Service service) {
			return detected.values().stream().filter(d -> d.service() == service).map(ServiceDetection.Detected::port)
					.toList();
		}

		/** The vendor's unauthenticated identity API (e.g. Axis basicdeviceinfo), when the family has one. */
		private Map<String, String> identity(Web web, Optional<VendorFamily> family) {
			Map<String, String> identity = new LinkedHashMap<>();
			if (web.endpoint().isEmpty() || family.flatMap(VendorFamily::identityRequest).isEmpty()) {
				return identity;
			}
			String[] parts = family.get().identityRequest().get().split(" ", 3);
			HttpRequest query = parts.length < 3 ? new HttpRequest(parts[0], parts[1], List.of(), new byte[0])
					: new HttpRequest(parts[0], parts[1], List.of("Content-Type: application/json"),
							parts[2].getBytes(StandardCharsets.UTF_8));
			if (http.send(web.endpoint().get(), query) instanceof Reply.Message m && m.status() == 200) {
				Matcher props = IDENTITY_PROPERTY.matcher(m.bodyText());
				while (props.find() && identity.size() < 10) {
					identity.putIfAbsent(props.group(1), props.group(2));
				}
			}
			return identity;
		}

		/** The family's snapshot path on the web port, without credentials (read by more than one check). */
		private Optional<Reply> snapshot(Web web, Optional<VendorFamily> family) {
			if (web.endpoint().isEmpty() || family.isEmpty() || unresponsive.contains(web.endpoint().get().port())) {
				return Optional.empty();
			}
			String path = family.get().snapshotPath();
			if (snapshotFetched.isPresent() && snapshotFetched.get().path().equals(path)) {
				return Optional.of(snapshotFetched.get().reply());
			}
			return Optional.of(http.send(web.endpoint().get(), HttpRequest.get(path)));
		}

		/**
		 * Route discovery on every RTSP port (554 when open, then any port whose content showed RTSP), all without
		 * credentials: OPTIONS and DESCRIBE of a made-up path together, then DESCRIBE of the candidate paths (the
		 * family's own, then the dictionary, most common first) until one is found, a route counting as found on
		 * 200 with SDP, 401 or 403 (as Cameradar's route attack counts it). At most the request budget
		 * ({@code --rtsp-route-budget}) of DESCRIBEs per device, over all its ports. A port that answers the
		 * made-up path with a stream serves any path; one that challenges it challenges before it looks the path
		 * up, so the first candidate stands for the route and the credential check treats 404 as past the login.
		 */
		private Rtsp rtsp(Optional<VendorFamily> family) {
			List<Integer> ports = new ArrayList<>();
			if (open.contains(RTSP)) {
				ports.add(RTSP);
			}
			ports.addAll(ports(ServiceDetection.Service.RTSP));
			Optional<String> server = Optional.empty();
			List<DeviceObservations.RtspRoute> routes = new ArrayList<>();
			int budget = tools.rtspRouteBudget();
			List<String> candidates = tools.routes().candidates(family.map(VendorFamily::rtspPaths).orElse(List.of()));
			for (int port : ports) {
				if (budget <= 0) {
					notes.add("port " + port + ": RTSP route budget spent, no route looked for");
					break;
				}
				RtspSession session = new RtspSession(tools.connector(), host, port);
				rtspSessions.put(port, session);
				if (port == RTSP) {
					kept.take(RTSP).ifPresent(session::adopt);
				}
				String madeUp = "/camguard-" + HexFormat.of().formatHex(random(6));
				// The made-up path goes with the first candidates: the family's own paths when it is known (usually
				// found at once), else the dictionary's first batch.
				List<String> first = candidates.subList(0, Math.min(candidates.size(), Math.max(0, Math.min(budget - 1,
						family.isPresent() ? family.get().rtspPaths().size() : ROUTE_BATCH))));
				List<String> asked = new ArrayList<>(List.of(madeUp));
				asked.addAll(first);
				List<Reply> answers = session.optionsAndDescribe(asked);
				budget -= asked.size();
				if (!(answers.getFirst() instanceof Reply.Message options)) {
					note(port, answers.getFirst());
					continue;
				}
				if (server.isEmpty()) {
					server = options.headers().first("Server");
				}
				if (answers.size() < 2) {
					continue;
				}
				Reply dummy = answers.get(1);
				note(port, dummy);
				if (RtspSession.servesStream(dummy)) {
					routes.add(new DeviceObservations.RtspRoute(port, madeUp, session.url(madeUp), dummy, Optional.empty(),
							true));
					continue;
				}
				Optional<Challenge> challengedAnyPath = routeFound(dummy) ? RtspSession.challengeOf(dummy)
						: Optional.empty();
				if (challengedAnyPath.isPresent()) {
					routes.add(new DeviceObservations.RtspRoute(port, candidates.getFirst(),
							session.url(candidates.getFirst()), dummy, challengedAnyPath, true));
					continue;
				}
				Optional<DeviceObservations.RtspRoute> route = found(session, first, answers.subList(2, answers.size()));
				int next = first.size();
				boolean answering = answers.size() == asked.size() + 1;
				while (route.isEmpty() && answering && budget > 0 && next < candidates.size()) {
					List<String> batch = candidates.subList(next, Math.min(candidates.size(),
							next + Math.min(budget, ROUTE_BATCH)));
					List<Reply> replies = session.describeAll(batch);
					budget -= batch.size();
					route = found(session, batch, replies);
					answering = replies.size() == batch.size();
					if (!answering) {
						note(port, replies.isEmpty() ? new Reply.NoAnswer("no answer") : replies.getLast());
					}
					next += batch.size();
				}
				route.ifPresent(routes::add);
			}
			return new Rtsp(server, routes);
		}

		/** The first of {@code paths} whose answer among {@code replies} (in order) shows a route. */
		private static Optional<DeviceObservations.RtspRoute> found(RtspSession session, List<String> paths,
				List<Reply> replies) {
			for (int i = 0; i < replies.size() && i < paths.size(); i++) {
				if (routeFound(replies.get(i))) {
					return Optional.of(new DeviceObservations.RtspRoute(session.port(), paths.get(i),
							session.url(paths.get(i)), replies.get(i),
							RtspSession.challengeOf(replies.get(i)), false));
				}
			}
			return Optional.empty();
		}

		/** A route exists here: 200 with a stream description, 401 or 403 (or XiongMai's 200 with a challenge). */
		private static boolean routeFound(Reply reply) {
			return reply instanceof Reply.Message m && (m.status() == 401 || m.status() == 403
					|| m.status() == 200 && (RtspSession.servesStream(m) || !m.headers().all("WWW-Authenticate").isEmpty()));
		}

		/**
		 * GetDeviceInformation without credentials where ONVIF answers. On the web endpoint itself, the snapshot
		 * GET goes in the same write (a GET may be pipelined before the POST), which saves the device a round trip.
		 */
		private Onvif onvif(Optional<WsDiscovery.ProbeMatch> wsd, Web web, Optional<VendorFamily> family) {
			for (DeviceObservations.OnvifEndpoint candidate : onvifCandidates(wsd, web.endpoint(), family)) {
				OnvifClient.Outcome outcome = null;
				boolean onWebEndpoint = web.endpoint().equals(Optional.of(candidate.endpoint()));
				if (snapshotFetched.isEmpty() && family.isPresent() && onWebEndpoint) {
					String snapshotPath = family.get().snapshotPath();
					List<Reply> replies = http.sendEach(candidate.endpoint(), List.of(HttpRequest.get(snapshotPath),
							OnvifClient.deviceInformationRequest(candidate.path(), Optional.empty())));
					if (!replies.isEmpty()) {
						snapshotFetched = Optional.of(new SnapshotFetched(snapshotPath, replies.getFirst()));
					}
					if (replies.size() == 2) {
						outcome = OnvifClient.deviceInformationOutcome(replies.get(1));
					}
				}
				if (outcome == null) {
					outcome = onvifClient.getDeviceInformation(candidate.endpoint(), candidate.path(), Optional.empty());
				}
				if (!(outcome instanceof OnvifClient.Outcome.Unavailable)) {
					return new Onvif(Optional.of(candidate), Optional.of(outcome));
				}
			}
			return new Onvif(Optional.empty(), Optional.empty());
		}

		private Fetched fetch(HttpProbe.Endpoint endpoint, String firstPath) {
			String path = firstPath;
			Optional<String> tls = Optional.empty();
			for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
				HttpProbe.Exchange exchange = http.exchange(endpoint, HttpRequest.get(path));
				if (hop == 0 && exchange.reply() instanceof Reply.NoAnswer none && none.why().contains("timed out")) {
					// The first page decides the fingerprint: a busy device (or network) gets one more chance.
					exchange = http.exchange(endpoint, HttpRequest.get(path));
				}
				tls = exchange.tlsProtocol();
				if (!(exchange.reply() instanceof Reply.Message m)) {
					note(endpoint.port(), exchange.reply());
					return new Fetched(Optional.empty(), tls, Optional.empty(), false);
				}
				Optional<String> realm = m.status() == 401
						? Challenge.best(m.headers().all("WWW-Authenticate")).map(Challenge::realm) : Optional.empty();
				String location = m.header("Location");
				if (m.status() >= 300 && m.status() < 400 && !location.isEmpty()) {
					if (location.regionMatches(true, 0, "https://", 0, 8) && !endpoint.tls()) {
						return new Fetched(Optional.of(WebPage.of(endpoint + path, m)), tls, realm, true);
					}
					Optional<String> next = sameHostPath(endpoint, location);
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

		private List<DeviceObservations.OnvifEndpoint> onvifCandidates(Optional<WsDiscovery.ProbeMatch> wsd,
				Optional<HttpProbe.Endpoint> web, Optional<VendorFamily> family) {
			List<DeviceObservations.OnvifEndpoint> candidates = new ArrayList<>();
			// XAddrs are device-supplied: only an address on this very device is used (the scope is never left).
			for (String xaddr : wsd.map(WsDiscovery.ProbeMatch::xaddrs).orElse(List.of())) {
				try {
					URI uri = new URI(xaddr);
					boolean tls = "https".equalsIgnoreCase(uri.getScheme());
					int port = uri.getPort() > 0 ? uri.getPort() : tls ? HTTPS : HTTP;
					if (host.getHostAddress().equals(uri.getHost()) && open.contains(port) && !unresponsive.contains(port)
							&& ("http".equalsIgnoreCase(uri.getScheme()) || tls)) {
						candidates.add(new DeviceObservations.OnvifEndpoint(new HttpProbe.Endpoint(host, port, tls),
								uri.getRawPath() == null || uri.getRawPath().isEmpty() ? OnvifClient.DEVICE_SERVICE
										: uri.getRawPath()));
					}
				}
				catch (URISyntaxException ex) {
					// Ignore a malformed XAddr; the default places below are still tried.
				}
			}
			if (candidates.isEmpty()) {
				for (int port : family.map(VendorFamily::onvifPorts).orElse(List.of())) {
					if (open.contains(port)) {
						candidates.add(new DeviceObservations.OnvifEndpoint(new HttpProbe.Endpoint(host, port, false),
								OnvifClient.DEVICE_SERVICE));
					}
				}
				web.filter(w -> !unresponsive.contains(w.port()))
						.ifPresent(w -> candidates.add(new DeviceObservations.OnvifEndpoint(w, OnvifClient.DEVICE_SERVICE)));
			}
			return candidates.stream().distinct().limit(2).toList();
		}

		/** Keeps what went wrong as a note; a port that timed out or sent garbage is not waited on again. */
		private void note(int port, Reply reply) {
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

		@Override
		public void close() {
			rtspSessions.values().forEach(RtspSession::close);
			http.close();
		}

	}

	/** A page reached from a path, following same-host redirects. */
	private record Fetched(Optional<WebPage> page, Optional<String> tlsProtocol, Optional<String> realm,
			boolean redirectedToHttps) {
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
		catch (URISyntaxException ex) {
			// An unparseable Location is a device quirk, not a reason to stop: the page stands as it is.
		}
		return Optional.empty();
	}

	private static byte[] random(int n) {
		byte[] bytes = new byte[n];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000L;
	}

}
