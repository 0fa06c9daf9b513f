package vn.camguard.inventory.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A place where devices are installed (e.g. a crossroads or a building), owned by a unit.
 *
 * @param id database id
 * @param unitId owning unit
 * @param name name, unique inside its unit
 * @param address postal address or description of the place
 * @param latitude WGS-84 latitude, or null
 * @param longitude WGS-84 longitude, or null
 * @param note free remarks
 * @param deviceCount number of devices installed there (0 when not counted)
 */
public record Site(long id, long unitId, String name, String address, BigDecimal latitude, BigDecimal longitude,
		String note, OffsetDateTime createdAt, OffsetDateTime updatedAt, long deviceCount)
		implements UnitOwned<SiteDraft> {

	@Override
	public SiteDraft draft() {
		return new SiteDraft(unitId, name, address, latitude, longitude, note);
	}

}
