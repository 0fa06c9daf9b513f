package vn.camguard.products.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.DeviceStanding;
import vn.camguard.products.domain.DeviceStanding.Recognition;
import vn.camguard.products.domain.KnownCve;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductMatching;
import vn.camguard.products.domain.StoredStanding;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.domain.Warning;
import vn.camguard.products.persistence.Products;
import vn.camguard.products.persistence.Warnings;

/**
 * Computes devices' standings from the registry, the officers' decisions, the warnings and the CVE
 * list: the one place both the stored rows and the device panel's evidence come from.
 */
@Component
class StandingComputation {

	/** Certificate dates are Vietnamese calendar days. */
	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Products products;

	private final KnownCves cves;

	private final Warnings warnings;

	private final DeviceIdentities identities;

	private final String cveList;

	StandingComputation(Products products, KnownCves cves, Warnings warnings, DeviceIdentities identities) {
		this.products = products;
		this.cves = cves;
		this.warnings = warnings;
		this.identities = identities;
		this.cveList = fingerprint(cves.all());
	}

	LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** The fingerprint of the CVE list shipped with this build; rows computed from another list are stale. */
	String cveList() {
		return cveList;
	}

	/** A device's standing with the evidence, and the warnings reaching it. */
	record Computed(DeviceFacts device, Optional<MatchDecision> decision, DeviceStanding standing,
			List<Warning> warnings, Long vendorId) {
	}

	/** One pass over many devices: the registry, decisions and warnings read once. */
	final class Pass {

		private final LocalDate today;

		private final List<VendorNames> vendors = products.vendors();

		private final ProductMatching matching = new ProductMatching(vendors, products.candidates());

		private final Map<Long, Optional<Product>> loaded = new HashMap<>();

		private final DeviceIdentities.Batch batch = identities.batch();

		private final Map<Long, List<Warning>> reachingUnit = new HashMap<>();

		// a fleet holds few distinct models: a standing depends only on what the device is typed as
		private final Map<String, Computed> byInputs = new HashMap<>();

		private final Map<String, List<Warning>> warnedByInputs = new HashMap<>();

		Pass(LocalDate today) {
			this.today = today;
		}

		Optional<MatchDecision> decision(DeviceFacts device) {
			return batch.decision(device);
		}

		Computed compute(DeviceFacts device) {
			Optional<MatchDecision> decision = batch.decision(device);
			String key = decision.map(d -> d.how() + ":" + d.productId()).orElse("-") + "|" + device.vendor() + "|"
					+ device.model() + "|" + device.firmware();
			Computed shared = byInputs.computeIfAbsent(key, k -> standing(device, decision));
			List<Warning> reaching = reachingUnit.computeIfAbsent(device.unitId(), warnings::reaching);
			List<Warning> hits = List.of();
			if (!reaching.isEmpty()) {
				DeviceIdentities.Identity identity = batch.of(device);
				String warnKey = reaching.stream().map(w -> Long.toString(w.id())).collect(Collectors.joining(","))
						+ "|" + identity.vendor() + "|" + identity.model() + "|" + device.firmware();
				hits = warnedByInputs.computeIfAbsent(warnKey, k -> reaching.stream()
					.filter(w -> w.reaches(vendors, identity.vendor(), identity.model(), device.firmware()))
					.toList());
			}
			return new Computed(device, decision, shared.standing(), hits, shared.vendorId());
		}

		private Computed standing(DeviceFacts device, Optional<MatchDecision> decision) {
			Optional<Recognition> recognised = decision.isPresent() ? decided(decision.get())
					: matching.match(device.vendor(), device.model())
						.flatMap(match -> product(match.productId()).map(product -> new Recognition(product, match)));
			Optional<VendorNames> vendor = recognised.isPresent()
					? vendors.stream().filter(v -> v.id() == recognised.get().product().vendorId()).findFirst()
					: matching.vendor(device.vendor()).map(ProductMatching.VendorMatch::vendor);
			// an officer's decision names the model; otherwise the model as typed is the evidence for CVEs
			String model = decision.isPresent() && recognised.isPresent() ? recognised.get().product().model()
					: device.model();
			DeviceStanding standing = DeviceStanding.of(model, device.firmware(), recognised, vendors, vendor,
					cves.all(), today);
			return new Computed(device, decision, standing, List.of(), vendor.map(VendorNames::id).orElse(null));
		}

		private Optional<Recognition> decided(MatchDecision decision) {
			if (decision.productId() == null) {
				return Optional.empty();
			}
			return product(decision.productId())
				.map(product -> new Recognition(product,
						new ProductMatching.Match(product.id(), decision.how(), product.vendorName(), false)));
		}

		private Optional<Product> product(long id) {
			return loaded.computeIfAbsent(id, products::find);
		}

		StoredStanding stored(Computed computed, OffsetDateTime now) {
			DeviceFacts device = computed.device();
			DeviceStanding standing = computed.standing();
			MatchDecision decision = computed.decision().orElse(null);
			Certificate certificate = standing.certification().certificate();
			Optional<Warning> gravest = computed.warnings()
				.stream()
				.max(Comparator.comparing(Warning::severity).thenComparing(Warning::id));
			BigDecimal maxCvss = standing.cves()
				.stream()
				.map(hit -> cvss(hit.cve()))
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
			return new StoredStanding(device.id(), device.unitId(), device.vendor(), device.model(), device.firmware(),
					decision == null ? null : decision.how(), decision == null ? null : decision.productId(), cveList,
					computed.vendorId(), standing.product().map(r -> r.product().id()).orElse(null),
					standing.product().map(r -> r.match().how()).orElse(null),
					standing.product().map(r -> r.match().byAlias()).orElse(false),
					standing.certification().status(), certificate == null ? null : certificate.id(),
					certificate == null ? null : certificate.catalogueCode(), !computed.warnings().isEmpty(),
					gravest.map(Warning::id).orElse(null), standing.firmware().status(), standing.cves().size(), maxCvss,
					standing.product().map(r -> recheckOn(r.product(), today)).orElse(null), now);
		}

	}

	Pass pass(LocalDate today) {
		return new Pass(today);
	}

	/** The stored rows of these devices as of the day. */
	List<StoredStanding> stored(List<DeviceFacts> devices, LocalDate today) {
		Pass pass = pass(today);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<StoredStanding> rows = new ArrayList<>(devices.size());
		for (DeviceFacts device : devices) {
			rows.add(pass.stored(pass.compute(device), now));
		}
		return rows;
	}

	/**
	 * The standing with its evidence (certificate, latest firmware, CVE records) for the product the stored row
	 * recognised, without matching the device against the whole registry again.
	 */
	DeviceStanding evidence(DeviceFacts device, Optional<MatchDecision> decision, StoredStanding row) {
		List<VendorNames> vendors = products.vendors();
		Optional<Recognition> recognised = Optional.ofNullable(row.productId())
			.flatMap(products::find)
			.map(product -> new Recognition(product, new ProductMatching.Match(product.id(), row.matchHow(),
					product.vendorName(), row.matchByAlias())));
		Optional<VendorNames> vendor = vendors.stream()
			.filter(v -> row.vendorId() != null && v.id() == row.vendorId())
			.findFirst();
		String model = decision.isPresent() && recognised.isPresent() ? recognised.get().product().model()
				: device.model();
		return DeviceStanding.of(model, device.firmware(), recognised, vendors, vendor, cves.all(), today());
	}

	/** The first day after {@code today} on which one of the product's certificates starts or lapses. */
	static LocalDate recheckOn(Product product, LocalDate today) {
		LocalDate next = null;
		for (Certificate certificate : product.certificates()) {
			List<LocalDate> changes = new ArrayList<>();
			changes.add(certificate.issuedOn());
			if (certificate.expiresOn() != null) {
				changes.add(certificate.expiresOn().plusDays(1));
			}
			for (LocalDate change : changes) {
				if (change != null && change.isAfter(today) && (next == null || change.isBefore(next))) {
					next = change;
				}
			}
		}
		return next;
	}

	private static final java.util.regex.Pattern SCORE = java.util.regex.Pattern.compile("^\\s*(\\d{1,2}(\\.\\d)?)\\b");

	/** The base score the record starts with ("9.8 (CVSS:3.1 ...)"), or null when it gives none. */
	private static BigDecimal cvss(KnownCve cve) {
		java.util.regex.Matcher score = SCORE.matcher(cve.cvss() == null ? "" : cve.cvss());
		return score.find() ? new BigDecimal(score.group(1)) : null;
	}

	private static String fingerprint(List<KnownCve> list) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (KnownCve cve : list) {
				digest.update((cve.toString() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

}
