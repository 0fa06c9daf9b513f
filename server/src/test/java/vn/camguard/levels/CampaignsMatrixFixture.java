package vn.camguard.levels;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.levels.application.AttachmentStorage;
import vn.camguard.levels.domain.UnitRegulation;
import vn.camguard.levels.persistence.RegulationStore;
import vn.camguard.organization.UnitDirectory.UnitRef;

/** The Directive 23 campaign, and a regulation of the target unit with its document. */
@Component
class CampaignsMatrixFixture implements AuthorizationMatrixFixture {

	private final Campaigns campaigns;

	private final RegulationStore regulations;

	private final AttachmentStorage files;

	CampaignsMatrixFixture(Campaigns campaigns, RegulationStore regulations, AttachmentStorage files) {
		this.campaigns = campaigns;
		this.regulations = regulations;
		this.files = files;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		long campaign = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		AttachmentStorage.Stored stored = files.store(new ByteArrayInputStream(DossierFiles.PDF));
		long regulation = regulations.insert(new UnitRegulation(0, unit.id(), "1/QC-" + fresh, LocalDate.of(2025, 1, 2),
				true, "Điều 3", "quy-che.pdf", stored.type(), stored.size(), stored.sha256(), stored.storageKey(),
				"fixture", OffsetDateTime.now(ZoneOffset.UTC)));
		return Map.of("{campaign}", Long.toString(campaign), "{regulation}", Long.toString(regulation));
	}

}
