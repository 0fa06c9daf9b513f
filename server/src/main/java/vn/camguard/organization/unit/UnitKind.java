package vn.camguard.organization.unit;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a unit is, and under which kinds of unit it may sit. Districts were abolished in July 2025
 * but still exist in older data, so communes may hang under a district or straight under the
 * province.
 */
public enum UnitKind {

	PROVINCE, DEPARTMENT, DISTRICT, COMMUNE, ISP, VENDOR, POLICE, MARKET_MANAGEMENT;

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

	/** The kind named by a form, a file or the API, or null when there is no such kind. */
	public static UnitKind parse(String text) {
		if (text == null) {
			return null;
		}
		for (UnitKind kind : values()) {
			if (kind.name().equalsIgnoreCase(text.strip())) {
				return kind;
			}
		}
		return null;
	}

}
