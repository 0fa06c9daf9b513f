package vn.camguard.notices.application;

import java.util.Locale;
import java.util.Optional;

/** The columns of a subscriber mapping file; headers match case-insensitively, in any order. */
public enum MappingColumn {

	SUBSCRIBER_CODE(true, "TB-000123"), SUBSCRIBER_NAME(true, "Nguyễn Văn An"), EMAIL(false, "an.nguyen@example.vn"),
	ADDRESS(true, "113.160.10.0/29"), VALID_FROM(true, "01/01/2026"), VALID_TO(false, "30/06/2026"),
	LANGUAGE(false, "vi");

	private final boolean required;

	private final String example;

	MappingColumn(boolean required, String example) {
		this.required = required;
		this.example = example;
	}

	public String header() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean required() {
		return required;
	}

	public String example() {
		return example;
	}

	static Optional<MappingColumn> fromHeader(String header) {
		String wanted = header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
		for (MappingColumn column : values()) {
			if (column.header().equals(wanted)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

}
