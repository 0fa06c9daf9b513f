package vn.camguard.lab;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.SplittableRandom;

/**
 * One device of a fleet, fully resolved: where it listens, what it imitates and which weaknesses it has.
 * Exactly one of {@code profile} and {@code hostile} is set.
 */
public record DeviceSpec(String id, String address, Profile profile, Set<Weakness> weaknesses, Hostility hostile,
		String password, Set<Behaviour> behaviours) {

	public DeviceSpec {
		if ((profile == null) == (hostile == null)) {
			throw new IllegalArgumentException(id + ": give either a profile or a hostile behaviour");
		}
		LoopbackAddresses.toInt(address);
		weaknesses = weaknesses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weaknesses));
		if (hostile != null && !weaknesses.isEmpty()) {
			throw new IllegalArgumentException(id + ": a hostile device has no weaknesses");
		}
		if (weaknesses.contains(Weakness.DEFAULT_CREDENTIALS) && weaknesses.contains(Weakness.WEAK_PASSWORD)) {
			throw new IllegalArgumentException(id + ": DEFAULT_CREDENTIALS and WEAK_PASSWORD exclude each other");
		}
		if (weaknesses.contains(Weakness.OUTDATED_FIRMWARE) && weaknesses.contains(Weakness.KNOWN_CVE)) {
			throw new IllegalArgumentException(id + ": OUTDATED_FIRMWARE and KNOWN_CVE exclude each other");
		}
		long oldTls = Stream.of(Weakness.TLS10_ONLY, Weakness.RSA_KEY_EXCHANGE_ONLY, Weakness.CLEARTEXT_MANAGEMENT)
				.filter(weaknesses::contains).count();
		if (oldTls > 1) {
			throw new IllegalArgumentException(
					id + ": TLS10_ONLY, RSA_KEY_EXCHANGE_ONLY and CLEARTEXT_MANAGEMENT exclude each other");
		}
		if (profile != null) {
			for (Weakness weakness : weaknesses) {
				if (!profile.takes(weakness)) {
					throw new IllegalArgumentException(id + ": profile " + profile.id() + " cannot have " + weakness);
				}
			}
		}
		password = profile == null ? null : resolvePassword(id, address, profile, weaknesses, password);
		behaviours = behaviours.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(behaviours));
	}

	public DeviceSpec(String id, String address, Profile profile, Set<Weakness> weaknesses, Hostility hostile,
			String password) {
		this(id, address, profile, weaknesses, hostile, password, Set.of());
	}

	/** This device, also behaving as {@code more} says. */
	public DeviceSpec with(Behaviour... more) {
		Set<Behaviour> all = EnumSet.noneOf(Behaviour.class);
		all.addAll(behaviours);
		all.addAll(java.util.Arrays.asList(more));
		return new DeviceSpec(id, address, profile, weaknesses, hostile, password, all);
	}

	public boolean behaves(Behaviour behaviour) {
		return behaviours.contains(behaviour);
	}

	/** A normal device; its password is derived from id and address unless given. */
	public static DeviceSpec of(String id, String address, Profile profile, Set<Weakness> weaknesses) {
		return new DeviceSpec(id, address, profile, weaknesses, null, null);
	}

	public static DeviceSpec hostile(String id, String address, Hostility hostile) {
		return new DeviceSpec(id, address, null, Set.of(), hostile, null);
	}

	public boolean has(Weakness weakness) {
		return weaknesses.contains(weakness);
	}

	public List<Weakness> weaknessList() {
		return weaknesses.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(weaknesses));
	}

	public List<Integer> tcpPorts() {
		if (hostile != null) {
			return List.of(80, 554);
		}
		List<Integer> ports = new ArrayList<>();
		if (has(Weakness.TELNET_OPEN)) {
			ports.add(23);
		}
		ports.add(profile.webPort());
		if (!has(Weakness.CLEARTEXT_MANAGEMENT)) {
			ports.add(443);
		}
		ports.add(profile.rtspPort());
		ports.addAll(profile.vendorPorts());
		return List.copyOf(ports);
	}

	public List<Integer> udpPorts() {
		return hostile == null || hostile == Hostility.MARKUP ? List.of(3702) : List.of();
	}

	public DeviceTruth truth() {
		if (hostile != null) {
			return new DeviceTruth(id, address, "hostile", DeviceKind.CAMERA, null, null, null, tcpPorts(),
					udpPorts(), List.of(), List.of(), hostile, null);
		}
		return new DeviceTruth(id, address, profile.id(), profile.kind(), profile.vendor(), profile.model(),
				profile.firmware(weaknesses), tcpPorts(), udpPorts(), weaknessList(), profile.cves(weaknesses), null,
				new Credentials(profile.adminUser(), password), serial(), mac());
	}

	/**
	 * The serial number (lab value, PROFILES.md): {@code <model>-<8 digits>}, the digits being the address's last
	 * three octets read as one number, so stable for a device and unique within a lab. Null for a hostile device.
	 */
	public String serial() {
		return profile == null ? null : String.format(Locale.ROOT, "%s-%08d", profile.model(), addressNumber());
	}

	/**
	 * The MAC (lab value, PROFILES.md), lower-case colon form: the profile's maker prefix, then the address's last
	 * three octets, so stable for a device and unique within a lab. Null for a hostile device.
	 */
	public String mac() {
		if (profile == null) {
			return null;
		}
		int number = addressNumber();
		return String.format(Locale.ROOT, "%s:%02x:%02x:%02x", profile.macPrefix(), number >> 16 & 0xff,
				number >> 8 & 0xff, number & 0xff);
	}

	/** The last three octets of the address as one number. */
	private int addressNumber() {
		return LoopbackAddresses.toInt(address) & 0xff_ffff;
	}

	private static String resolvePassword(String id, String address, Profile profile, Set<Weakness> weaknesses,
			String given) {
		if (weaknesses.contains(Weakness.DEFAULT_CREDENTIALS)) {
			if (given != null && !given.equals(profile.factoryPassword())) {
				throw new IllegalArgumentException(id + ": DEFAULT_CREDENTIALS means the factory password");
			}
			return profile.factoryPassword();
		}
		SplittableRandom random = new SplittableRandom((id + "@" + address).hashCode());
		if (weaknesses.contains(Weakness.WEAK_PASSWORD)) {
			if (given != null && !Profile.WEAK_PASSWORDS.contains(given)) {
				throw new IllegalArgumentException(id + ": WEAK_PASSWORD must be one of " + Profile.WEAK_PASSWORDS);
			}
			return given != null ? given : Profile.WEAK_PASSWORDS.get(random.nextInt(Profile.WEAK_PASSWORDS.size()));
		}
		if (given != null) {
			if (given.equals(profile.factoryPassword()) || Profile.WEAK_PASSWORDS.contains(given)) {
				throw new IllegalArgumentException(
						id + ": that password is a factory or weak one; add the matching weakness");
			}
			return given;
		}
		return strongPassword(random);
	}

	static String strongPassword(SplittableRandom random) {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder(14);
		for (int i = 0; i < 14; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
