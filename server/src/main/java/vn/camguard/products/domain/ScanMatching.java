package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.scanner.DeviceIdentifiers;

/**
 * Which assessed device each line of a scan report is about: by address, else by MAC, else by serial
 * (each only when the line and the device both carry it). A line that fits several devices on the
 * first key that fits any, or several lines that fit one device, make the match doubtful: the whole
 * file is refused naming those rows, since evidence filed on the wrong camera is worse than none.
 * Lines that fit no device are left out (a scan of a range holds more than the assessed devices).
 */
public final class ScanMatching {

	private ScanMatching() {
	}

	/** How a line was matched. */
	public enum By {
		ADDRESS, MAC, SERIAL
	}

	/** A device and the line about it. */
	public record Matched(DeviceFacts device, ScanFile.Numbered line, By by) {
	}

	/**
	 * Rows that cannot be matched without doubt.
	 *
	 * @param lines the line numbers concerned
	 * @param address the address of the (first) line
	 * @param by the key that matched
	 * @param devices the devices concerned, by serial
	 */
	public record Ambiguity(List<Integer> lines, String address, By by, List<String> devices) {

		/** One line fits several devices, as opposed to several lines fitting one device. */
		public boolean severalDevices() {
			return devices.size() > 1;
		}

		public String lineList() {
			return String.join(", ", lines.stream().map(String::valueOf).toList());
		}

		public String deviceList() {
			return String.join(", ", devices);
		}

	}

	/** The devices the lines are about, in line order; throws {@link Ambiguous} when a match is doubtful. */
	public static List<Matched> match(List<ScanFile.Numbered> lines, List<DeviceFacts> devices) {
		List<Ambiguity> doubts = new ArrayList<>();
		Map<Long, List<Matched>> byDevice = new LinkedHashMap<>();
		Map<By, Map<String, List<DeviceFacts>>> index = index(devices);
		for (ScanFile.Numbered numbered : lines) {
			ScanFile.Line line = numbered.line();
			By by = null;
			List<DeviceFacts> fits = List.of();
			for (By key : By.values()) {
				fits = fitting(index, key, line);
				if (!fits.isEmpty()) {
					by = key;
					break;
				}
			}
			if (fits.size() > 1) {
				doubts.add(new Ambiguity(List.of(numbered.number()), line.address(), by,
						fits.stream().map(ScanMatching::label).toList()));
			}
			else if (fits.size() == 1) {
				byDevice.computeIfAbsent(fits.getFirst().id(), id -> new ArrayList<>())
					.add(new Matched(fits.getFirst(), numbered, by));
			}
		}
		List<Matched> matched = new ArrayList<>();
		for (List<Matched> claims : byDevice.values()) {
			if (claims.size() > 1) {
				doubts.add(new Ambiguity(claims.stream().map(m -> m.line().number()).toList(),
						claims.getFirst().line().line().address(), claims.getFirst().by(),
						List.of(label(claims.getFirst().device()))));
			}
			else {
				matched.add(claims.getFirst());
			}
		}
		if (!doubts.isEmpty()) {
			doubts.sort(java.util.Comparator.comparing(a -> a.lines().getFirst()));
			throw new Ambiguous(doubts);
		}
		matched.sort(java.util.Comparator.comparing(m -> m.line().number()));
		return List.copyOf(matched);
	}

	private static List<DeviceFacts> fitting(Map<By, Map<String, List<DeviceFacts>>> index, By by, ScanFile.Line line) {
		String wanted = key(by, switch (by) {
			case ADDRESS -> line.address();
			case MAC -> line.mac();
			case SERIAL -> line.serial();
		});
		return wanted.isEmpty() ? List.of() : index.get(by).getOrDefault(wanted, List.of());
	}

	/** The devices by each key, so a report of many lines is matched without comparing every pair. */
	private static Map<By, Map<String, List<DeviceFacts>>> index(List<DeviceFacts> devices) {
		Map<By, Map<String, List<DeviceFacts>>> index = new java.util.EnumMap<>(By.class);
		for (By by : By.values()) {
			Map<String, List<DeviceFacts>> keyed = new java.util.HashMap<>();
			for (DeviceFacts device : devices) {
				String key = key(by, switch (by) {
					case ADDRESS -> device.address();
					case MAC -> device.mac();
					case SERIAL -> device.serial();
				});
				if (!key.isEmpty()) {
					keyed.computeIfAbsent(key, k -> new ArrayList<>()).add(device);
				}
			}
			index.put(by, keyed);
		}
		return index;
	}

	private static String key(By by, String value) {
		return switch (by) {
			case ADDRESS -> addressKey(value);
			case MAC -> macKey(value);
			case SERIAL -> serialKey(value);
		};
	}

	static String addressKey(String address) {
		return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The scanner's one form of a MAC, so {@code aa-bb-cc-dd-ee-ff} and {@code AA:BB:CC:DD:EE:FF} agree; a line's MAC
	 * is already in that form (the scanner wrote it), the inventory's is the same address upper case.
	 */
	static String macKey(String mac) {
		return DeviceIdentifiers.mac(mac);
	}

	static String serialKey(String serial) {
		return serial == null ? "" : serial.strip().toUpperCase(Locale.ROOT);
	}

	private static String label(DeviceFacts device) {
		return device.serial() == null || device.serial().isBlank() ? "#" + device.id() : device.serial();
	}

	/** The file cannot be matched to the assessed devices without doubt; nothing of it was used. */
	public static final class Ambiguous extends ScanFile.ScanFileRefused {

		private final List<Ambiguity> ambiguities;

		public Ambiguous(List<Ambiguity> ambiguities) {
			super(ambiguities.getFirst().lines().getFirst(), "products.scan.refused.ambiguous");
			this.ambiguities = List.copyOf(ambiguities);
		}

		@Override
		public List<Ambiguity> ambiguities() {
			return ambiguities;
		}

	}

}
