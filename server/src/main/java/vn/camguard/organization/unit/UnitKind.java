package vn.camguard.organization.unit;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a unit is, and under which kinds of unit it may sit. Districts were abolished in July 2025
 * but still exist in older data, so communes may hang under a district or straight under the
 * province.
 */
public enum UnitKind {

	PROVINCE("Tỉnh", "Thành phố trực thuộc trung ương", "Province"),
	DEPARTMENT("Sở, ban, ngành", "Sở ban ngành", "Sở", "Ban", "Ngành", "Department"),
	DISTRICT("Huyện, thị xã, thành phố", "Huyện", "Thị xã", "Thành phố", "Quận", "District"),
	COMMUNE("Xã, phường, thị trấn", "Xã", "Phường", "Thị trấn", "Đặc khu", "Commune", "Ward"),
	ISP("Doanh nghiệp viễn thông, Internet", "Doanh nghiệp viễn thông", "Nhà mạng", "Telecom"),
	VENDOR("Nhà cung cấp camera", "Nhà cung cấp", "Camera vendor"),
	POLICE("Công an", "Police"),
	MARKET_MANAGEMENT("Quản lý thị trường", "Market management");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("[\\s_]+");

	/** Every code and name, in the folded form of {@link #fold}. */
	private static final Map<String, UnitKind> BY_NAME = new HashMap<>();

	static {
		for (UnitKind kind : values()) {
			BY_NAME.put(fold(kind.name()), kind);
			for (String name : kind.names) {
				BY_NAME.put(fold(name), kind);
			}
		}
	}

	/** What an officer calls this kind in a file: the Vietnamese names first, as the page shows them. */
	private final List<String> names;

	UnitKind(String... names) {
		this.names = List.of(names);
	}

	/** The kinds a unit of this kind may have as parent; empty for the province (always a root). */
	public Set<UnitKind> allowedParents() {
		return switch (this) {
			case PROVINCE -> Set.of();
			case DEPARTMENT, COMMUNE -> EnumSet.of(PROVINCE, DISTRICT);
			case DISTRICT, ISP, VENDOR, MARKET_MANAGEMENT -> EnumSet.of(PROVINCE);
			case POLICE -> EnumSet.of(PROVINCE, DISTRICT, POLICE);
		};
	}

	public boolean mayHangUnder(UnitKind parent) {
		return allowedParents().contains(parent);
	}

	/**
	 * The kind named by a form, a file or the API, or null when there is no such kind: the code
	 * ({@code COMMUNE}) or a Vietnamese or English name ({@code Xã}, {@code Phường}, {@code Huyện}),
	 * in any case, with or without Vietnamese diacritics ({@code xa}, {@code huyen}).
	 */
	public static UnitKind parse(String text) {
		if (text == null) {
			return null;
		}
		return BY_NAME.get(fold(text));
	}

	/** Lower case without diacritics (đ as d), one space between words, underscores as spaces. */
	private static String fold(String text) {
		String lower = text.strip().toLowerCase(Locale.ROOT).replace('đ', 'd');
		String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		return SPACES.matcher(bare).replaceAll(" ");
	}

}
