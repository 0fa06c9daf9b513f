package vn.camguard.inventory.domain;

import java.util.List;

/** What a form or a REST call says about an information system before it is checked. */
public record SystemDraft(Long unitId, String name, String purpose, String location, String operator,
		SystemStatus status) implements UnitOwned.Draft<SystemDraft> {

	@Override
	public SystemDraft normalised(List<InvalidValue> problems) {
		if (unitId == null) {
			problems.add(new InvalidValue("unit_code", "required", null));
		}
		return new SystemDraft(unitId, Texts.clean("name", name, 200, true, problems),
				Texts.clean("purpose", purpose, 1000, false, problems),
				Texts.clean("location", location, 500, false, problems),
				Texts.clean("operator", operator, 200, false, problems),
				status == null ? SystemStatus.OPERATING : status);
	}

}
