package vn.camguard.inventory.domain;

import java.time.OffsetDateTime;

/**
 * One device import as a whole: who loaded which file when, into which unit's scope (the lowest unit
 * containing every row's unit), and whether and why it was rolled back.
 *
 * @param remaining devices of the batch still in the inventory
 */
public record ImportBatch(long id, long unitId, String unitCode, String unitName, String actor, String fileName,
		int rowCount, int unitCount, OffsetDateTime createdAt, OffsetDateTime rolledBackAt, String rolledBackBy,
		String rollbackReason, Integer removedCount, long remaining) {

	public boolean rolledBack() {
		return rolledBackAt != null;
	}

}
