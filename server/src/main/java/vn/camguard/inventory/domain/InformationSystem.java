package vn.camguard.inventory.domain;

import java.time.OffsetDateTime;

/**
 * An information system that uses cameras (hệ thống thông tin), e.g. a traffic-surveillance system
 * or the cameras guarding a headquarters, owned by a unit (chủ quản).
 *
 * @param id database id
 * @param unitId owning unit
 * @param name name, unique inside its unit
 * @param purpose what it is for
 * @param location where it is
 * @param operator who runs it day to day (đơn vị vận hành)
 * @param status life-cycle status
 * @param deviceCount number of devices attached (0 when not counted)
 */
public record InformationSystem(long id, long unitId, String name, String purpose, String location, String operator,
		SystemStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt, long deviceCount)
		implements UnitOwned<SystemDraft> {

	@Override
	public SystemDraft draft() {
		return new SystemDraft(unitId, name, purpose, location, operator, status);
	}

}
