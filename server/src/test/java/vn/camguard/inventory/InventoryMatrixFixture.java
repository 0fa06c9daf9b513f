package vn.camguard.inventory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.SiteDraft;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.inventory.persistence.ImportBatches;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.inventory.persistence.Sites;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Gives the authorization matrix a system, a site and a camera in the request's target unit
 * ({@code {system}}, {@code {site}}, {@code {device}}), a system and a site without devices
 * ({@code {emptySystem}}, {@code {emptySite}}) and an import batch of one device ({@code {batch}}).
 * Written through the repositories because the matrix prepares objects before any caller is signed in.
 */
@Component
class InventoryMatrixFixture implements AuthorizationMatrixFixture {

	private final Devices devices;

	private final InformationSystems systems;

	private final Sites sites;

	private final ImportBatches batches;

	InventoryMatrixFixture(Devices devices, InformationSystems systems, Sites sites, ImportBatches batches) {
		this.devices = devices;
		this.systems = systems;
		this.sites = sites;
		this.batches = batches;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long system = systems.insert(new SystemDraft(unit.id(), "Hệ thống " + fresh, null, null, null,
				SystemStatus.OPERATING), now);
		long site = sites.insert(new SiteDraft(unit.id(), "Điểm " + fresh, null, null, null, null), now);
		long id = devices.nextIds(1).getFirst();
		devices.insertAll(List.of(id), List.of(new DeviceDraft(unit.id(), system, site, DeviceKind.CAMERA,
				DeviceStatus.ACTIVE, null, "Hikvision", "DS-2CD", null, "F" + fresh, null, null, null, null, null, null,
				null, null)), now);
		long emptySystem = systems.insert(new SystemDraft(unit.id(), "Trống " + fresh, null, null, null,
				SystemStatus.RETIRED), now);
		long emptySite = sites.insert(new SiteDraft(unit.id(), "Trống " + fresh, null, null, null, null), now);
		long batch = batches.insert(unit.id(), "fixture", "nhap-" + fresh + ".csv", 1, 1, now);
		long imported = devices.nextIds(1).getFirst();
		devices.insertAll(List.of(imported), List.of(new DeviceDraft(unit.id(), null, null, DeviceKind.RECORDER,
				DeviceStatus.ACTIVE, null, "Dahua", null, null, "B" + fresh, null, null, null, null, null, null, null,
				null)), now, batch);
		return Map.of("{device}", Long.toString(id), "{system}", Long.toString(system), "{site}", Long.toString(site),
				"{emptySystem}", Long.toString(emptySystem), "{emptySite}", Long.toString(emptySite), "{batch}",
				Long.toString(batch));
	}

}
