package vn.camguard.inventory.domain;

import java.math.BigDecimal;
import java.util.List;

/** What a form or a REST call says about a site before it is checked. */
public record SiteDraft(Long unitId, String name, String address, BigDecimal latitude, BigDecimal longitude,
		String note) implements UnitOwned.Draft<SiteDraft> {

	@Override
	public SiteDraft normalised(List<InvalidValue> problems) {
		if (unitId == null) {
			problems.add(new InvalidValue("unit_code", "required", null));
		}
		if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
			problems.add(new InvalidValue("latitude", "coordinate", latitude.toPlainString()));
		}
		if (longitude != null && (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
			problems.add(new InvalidValue("longitude", "coordinate", longitude.toPlainString()));
		}
		return new SiteDraft(unitId, Texts.clean("name", name, 200, true, problems),
				Texts.clean("address", address, 500, false, problems), latitude, longitude,
				Texts.clean("note", note, 1000, false, problems));
	}

}
