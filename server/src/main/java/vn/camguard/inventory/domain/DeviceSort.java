package vn.camguard.inventory.domain;

import java.util.Locale;

/** The columns the device list may be ordered by; anything else falls back to the serial. */
public enum DeviceSort {

	SERIAL("d.serial"), NAME("d.name"), VENDOR("d.vendor"), MODEL("d.model"), ADDRESS("d.address"), STATUS("d.status"),
	PROCUREMENT_DATE("d.procurement_date"), UPDATED("d.updated_at");

	private final String column;

	DeviceSort(String column) {
		this.column = column;
	}

	/** The SQL column; safe to splice into ORDER BY because it comes from this fixed list. */
	public String column() {
		return column;
	}

	/** The parameter value used in URLs, e.g. {@code procurement_date}. */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static DeviceSort fromParameter(String value) {
		for (DeviceSort sort : values()) {
			if (sort.parameter().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return sort;
			}
		}
		return SERIAL;
	}

}
