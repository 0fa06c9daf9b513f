package vn.camguard.notices.application;

import vn.camguard.shared.spreadsheet.HeaderColumn;

/** The columns of a subscriber mapping file; headers match case-insensitively, in any order. */
public enum MappingColumn implements HeaderColumn {

	SUBSCRIBER_CODE(true, "TB-000123"), SUBSCRIBER_NAME(true, "Nguyễn Văn An"), EMAIL(false, "an.nguyen@example.vn"),
	ADDRESS(true, "113.160.10.0/29"), VALID_FROM(true, "01/01/2026"), VALID_TO(false, "30/06/2026"),
	LANGUAGE(false, "vi");

	private final boolean required;

	private final String example;

	MappingColumn(boolean required, String example) {
		this.required = required;
		this.example = example;
	}

	@Override
	public boolean required() {
		return required;
	}

	public String example() {
		return example;
	}

}
