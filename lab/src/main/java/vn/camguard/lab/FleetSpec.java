package vn.camguard.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What to simulate: a list of fully resolved devices plus a per-response latency. Built either at random
 * from a seed ({@link #random}) or from a YAML/JSON fleet description ({@link #parse}).
 */
public record FleetSpec(List<DeviceSpec> devices, int latencyMs) {

	/** A random fleet this size or bigger holds every profile x weakness and a hardened device per profile. */
	public static final int COVERAGE_MINIMUM = Profile.inRandomFleets().size() * (Weakness.values().length + 1);

	private static final int MAX_DEVICES = 200_000;

	private static final int MAX_FLEET_FILE_BYTES = 8 * 1024 * 1024;

	public FleetSpec {
		devices = List.copyOf(devices);
		if (latencyMs < 0 || latencyMs > 60_000) {
			throw new IllegalArgumentException("latencyMs must be within 0..60000, got " + latencyMs);
		}
		Set<String> addresses = new HashSet<>();
		Set<String> ids = new HashSet<>();
		for (DeviceSpec device : devices) {
			if (!addresses.add(device.address())) {
				throw new IllegalArgumentException("two devices share address " + device.address());
			}
			if (!ids.add(device.id())) {
				throw new IllegalArgumentException("two devices share id " + device.id());
			}
		}
	}

	/**
	 * A reproducible random mix of {@code count} devices on consecutive addresses after {@code baseAddress}.
	 * From {@link #COVERAGE_MINIMUM} devices on, every profile x weakness appears at least once and every
	 * profile has a hardened device.
	 */
	public static FleetSpec random(int count, long seed, String baseAddress) {
		if (count < 0 || count > MAX_DEVICES) {
			throw new IllegalArgumentException("device count must be within 0.." + MAX_DEVICES + ", got " + count);
		}
		SplittableRandom random = new SplittableRandom(seed);
		List<Map.Entry<Profile, Set<Weakness>>> plan = new ArrayList<>();
		if (count >= COVERAGE_MINIMUM) {
			for (Profile profile : Profile.inRandomFleets()) {
				plan.add(Map.entry(profile, EnumSet.noneOf(Weakness.class)));
				for (Weakness weakness : Weakness.values()) {
					Set<Weakness> set = randomWeaknesses(random);
					set.add(weakness);
					plan.add(Map.entry(profile, compatible(set, weakness)));
				}
			}
		}
		while (plan.size() < count) {
			Profile profile = Profile.inRandomFleets().get(random.nextInt(Profile.inRandomFleets().size()));
			Set<Weakness> set = random.nextInt(100) < 20 ? EnumSet.noneOf(Weakness.class) : randomWeaknesses(random);
			plan.add(Map.entry(profile, compatible(set, null)));
		}
		Collections.shuffle(plan, new Random(random.nextLong()));
		List<DeviceSpec> devices = new ArrayList<>(count);
		int address = LoopbackAddresses.toInt(baseAddress);
		for (int i = 0; i < count; i++) {
			address = LoopbackAddresses.next(address);
			Map.Entry<Profile, Set<Weakness>> entry = plan.get(i);
			devices.add(new DeviceSpec(deviceId(i + 1), LoopbackAddresses.toText(address), entry.getKey(),
					entry.getValue(), null, passwordFor(entry.getValue(), random)));
		}
		return new FleetSpec(devices, 0);
	}

	/** Adds one device of each hostile kind after the last address, or removes them all. */
	public FleetSpec withHostile(boolean include) {
		List<DeviceSpec> normal = devices.stream().filter(d -> d.hostile() == null).toList();
		if (!include) {
			return new FleetSpec(normal, latencyMs);
		}
		if (normal.size() < devices.size()) {
			return this;
		}
		List<DeviceSpec> all = new ArrayList<>(devices);
		int address = devices.stream().mapToInt(d -> LoopbackAddresses.toInt(d.address())).max()
				.orElse(LoopbackAddresses.toInt("127.100.0.0"));
		for (Hostility hostility : Hostility.values()) {
			address = LoopbackAddresses.next(address);
			all.add(DeviceSpec.hostile(deviceId(all.size() + 1), LoopbackAddresses.toText(address), hostility));
		}
		return new FleetSpec(all, latencyMs);
	}

	public FleetSpec withLatencyMs(int latency) {
		return new FleetSpec(devices, latency);
	}

	/** Devices [from, to) of this fleet, same latency; the unit a shard runs. */
	public FleetSpec slice(int from, int to) {
		return new FleetSpec(devices.subList(from, to), latencyMs);
	}

	/** "first - last" address, for progress lines. */
	public String addressRange() {
		if (devices.isEmpty()) {
			return "(none)";
		}
		int[] all = devices.stream().mapToInt(d -> LoopbackAddresses.toInt(d.address())).sorted().toArray();
		return LoopbackAddresses.toText(all[0]) + " - " + LoopbackAddresses.toText(all[all.length - 1]);
	}

	/**
	 * Reads a fleet description (YAML, or JSON which is YAML too). Errors name the offending entry.
	 * Format: {@code subnet}, optional {@code latencyMs}, and {@code devices}: a list of entries with
	 * either {@code profile} (+ optional {@code count}, {@code weaknesses}, {@code password}, {@code behaviours},
	 * {@code address}, {@code id}) or {@code hostile}. See lab/README.md.
	 */
	public static FleetSpec parse(Path file) throws IOException {
		if (Files.size(file) > MAX_FLEET_FILE_BYTES) {
			throw new IllegalArgumentException(file + ": fleet file larger than " + MAX_FLEET_FILE_BYTES + " bytes");
		}
		return parse(Files.readString(file), file.toString());
	}

	public static FleetSpec parse(String text, String source) {
		JsonNode root;
		try {
			// JSON is YAML too, but the JSON parser is much faster on the big explicit files shards read
			root = text.stripLeading().startsWith("{") ? JsonMapper.builder().build().readTree(text)
					: new YAMLMapper().readTree(text);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException(source + ": not valid YAML/JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException(source + ": expected a mapping with 'subnet' and 'devices'");
		}
		requireOnly(root, source, Set.of("subnet", "latencyMs", "devices"));
		int latency = intField(root, "latencyMs", 0, source);
		JsonNode list = root.get("devices");
		if (list == null || !list.isArray()) {
			throw new IllegalArgumentException(source + ": 'devices' must be a list");
		}
		JsonNode subnet = root.get("subnet");
		int address = subnet == null ? -1 : parseAddress(subnet, source + ": subnet");
		List<DeviceSpec> devices = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String where = source + ": devices[" + i + "]";
			JsonNode entry = list.get(i);
			if (!entry.isObject()) {
				throw new IllegalArgumentException(where + ": expected a mapping");
			}
			requireOnly(entry, where,
					Set.of("profile", "hostile", "count", "weaknesses", "password", "behaviours", "address", "id"));
			int count = intField(entry, "count", 1, where);
			if (count < 1 || count > MAX_DEVICES || devices.size() + count > MAX_DEVICES) {
				throw new IllegalArgumentException(where + ": count must be within 1.." + MAX_DEVICES);
			}
			if (count > 1 && (entry.has("address") || entry.has("id"))) {
				throw new IllegalArgumentException(where + ": 'address' and 'id' need count 1");
			}
			for (int n = 0; n < count; n++) {
				int at;
				if (entry.has("address")) {
					at = parseAddress(entry.get("address"), where + ".address");
				}
				else if (address < 0) {
					throw new IllegalArgumentException(where + ": no 'address' and no top-level 'subnet'");
				}
				else {
					at = LoopbackAddresses.next(address);
				}
				address = Math.max(address, at);
				String id = entry.has("id") ? entry.get("id").asString() : deviceId(devices.size() + 1);
				try {
					devices.add(entryDevice(entry, id, LoopbackAddresses.toText(at), where));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(where + ": " + e.getMessage());
				}
			}
		}
		try {
			return new FleetSpec(devices, latency);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(source + ": " + e.getMessage());
		}
	}

	/** The explicit form (every address and password spelled out) that {@link #parse} reads back. */
	public String toJson() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("latencyMs", latencyMs);
		List<Map<String, Object>> list = new ArrayList<>();
		for (DeviceSpec device : devices) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", device.id());
			entry.put("address", device.address());
			if (device.hostile() != null) {
				entry.put("hostile", device.hostile().name());
			}
			else {
				entry.put("profile", device.profile().id());
				entry.put("weaknesses", device.weaknessList().stream().map(Enum::name).toList());
				entry.put("password", device.password());
				if (!device.behaviours().isEmpty()) {
					entry.put("behaviours", device.behaviours().stream().sorted().map(Enum::name).toList());
				}
			}
			list.add(entry);
		}
		root.put("devices", list);
		ObjectMapper mapper = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
		return mapper.writeValueAsString(root);
	}

	private static DeviceSpec entryDevice(JsonNode entry, String id, String address, String where) {
		if (entry.has("hostile") == entry.has("profile")) {
			throw new IllegalArgumentException("give exactly one of 'profile' and 'hostile'");
		}
		if (entry.has("hostile")) {
			if (entry.has("weaknesses") || entry.has("password")) {
				throw new IllegalArgumentException("a hostile device takes no 'weaknesses' or 'password'");
			}
			String name = entry.get("hostile").asString();
			Hostility hostility;
			try {
				hostility = Hostility.valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("unknown hostile kind '" + name + "' (known: "
						+ List.of(Hostility.values()) + ")");
			}
			return DeviceSpec.hostile(id, address, hostility);
		}
		String profileId = entry.get("profile").asString();
		Profile profile = Profile.byId(profileId).orElseThrow(() -> new IllegalArgumentException(
				"unknown profile '" + profileId + "' (known: " + Profile.ids() + ")"));
		Set<Weakness> weaknesses = EnumSet.noneOf(Weakness.class);
		JsonNode list = entry.get("weaknesses");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				throw new IllegalArgumentException("'weaknesses' must be a list");
			}
			for (JsonNode item : list) {
				String name = item.asString();
				try {
					weaknesses.add(Weakness.valueOf(name.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("unknown weakness '" + name + "' (known: "
							+ List.of(Weakness.values()) + ")");
				}
			}
		}
		String password = entry.has("password") ? entry.get("password").asString() : null;
		Set<Behaviour> behaviours = EnumSet.noneOf(Behaviour.class);
		JsonNode behaving = entry.get("behaviours");
		if (behaving != null && !behaving.isNull()) {
			if (!behaving.isArray()) {
				throw new IllegalArgumentException("'behaviours' must be a list");
			}
			for (JsonNode item : behaving) {
				String name = item.asString();
				try {
					behaviours.add(Behaviour.valueOf(name.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("unknown behaviour '" + name + "' (known: "
							+ List.of(Behaviour.values()) + ")");
				}
			}
		}
		return new DeviceSpec(id, address, profile, weaknesses, null, password, behaviours);
	}

	private static void requireOnly(JsonNode node, String where, Set<String> allowed) {
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException(where + ": unknown field '" + name + "' (allowed: "
						+ allowed.stream().sorted().toList() + ")");
			}
		}
	}

	private static int intField(JsonNode node, String name, int fallback, String where) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException(where + ": '" + name + "' must be an integer");
		}
		return value.asInt();
	}

	private static int parseAddress(JsonNode node, String where) {
		try {
			return LoopbackAddresses.toInt(node.asString());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(where + ": " + e.getMessage());
		}
	}

	private static Set<Weakness> randomWeaknesses(SplittableRandom random) {
		Set<Weakness> set = EnumSet.noneOf(Weakness.class);
		for (Weakness weakness : Weakness.values()) {
			if (random.nextInt(100) < 22) {
				set.add(weakness);
			}
		}
		return set;
	}

	/** Drops the partner of a mutually exclusive pair, keeping {@code keep} when it is one of them. */
	private static Set<Weakness> compatible(Set<Weakness> set, Weakness keep) {
		resolve(set, Weakness.DEFAULT_CREDENTIALS, Weakness.WEAK_PASSWORD, keep);
		resolve(set, Weakness.KNOWN_CVE, Weakness.OUTDATED_FIRMWARE, keep);
		resolve(set, Weakness.TLS10_ONLY, Weakness.RSA_KEY_EXCHANGE_ONLY, keep);
		resolve(set, Weakness.TLS10_ONLY, Weakness.CLEARTEXT_MANAGEMENT, keep);
		resolve(set, Weakness.RSA_KEY_EXCHANGE_ONLY, Weakness.CLEARTEXT_MANAGEMENT, keep);
		return set;
	}

	private static void resolve(Set<Weakness> set, Weakness first, Weakness second, Weakness keep) {
		if (set.contains(first) && set.contains(second)) {
			set.remove(keep == second ? first : second);
		}
	}

	private static String passwordFor(Set<Weakness> weaknesses, SplittableRandom random) {
		if (weaknesses.contains(Weakness.DEFAULT_CREDENTIALS)) {
			return null;
		}
		if (weaknesses.contains(Weakness.WEAK_PASSWORD)) {
			return Profile.WEAK_PASSWORDS.get(random.nextInt(Profile.WEAK_PASSWORDS.size()));
		}
		return DeviceSpec.strongPassword(random);
	}

	private static String deviceId(int number) {
		return String.format(Locale.ROOT, "dev-%05d", number);
	}

}
