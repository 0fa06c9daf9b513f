package vn.camguard.levels.application;

import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.ApprovedLevels;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;

/** The approved levels, read from the approved dossiers. */
@Service
class JdbcApprovedLevels implements ApprovedLevels {

	private final DossierStore dossiers;

	private final FrameworkStore frameworks;

	JdbcApprovedLevels(DossierStore dossiers, FrameworkStore frameworks) {
		this.dossiers = dossiers;
		this.frameworks = frameworks;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ApprovedLevel> of(long systemId) {
		return Optional.ofNullable(of(List.of(systemId)).get(systemId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, ApprovedLevel> of(Collection<Long> systemIds) {
		return dossiers.approved(systemIds)
			.values()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Dossier::systemId, this::level));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Period> assessmentInterval(ApprovedLevel level) {
		long versionId = frameworks.versions()
			.stream()
			.filter(v -> v.code().equals(level.frameworkCode()) && v.current())
			.map(FrameworkVersion::id)
			.findFirst()
			.orElse(level.frameworkVersionId());
		return frameworks.items(versionId)
			.stream()
			.filter(i -> i.kind() == ItemKind.ASSESSMENT_INTERVAL && i.concernsLevel(level.level()))
			.map(JdbcApprovedLevels::period)
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static Optional<Period> period(FrameworkItem item) {
		if (item.amount() == null || item.amount() <= 0) {
			return Optional.empty();
		}
		return switch (item.amountUnit() == null ? "" : item.amountUnit()) {
			case "MONTHS" -> Optional.of(Period.ofMonths(item.amount()));
			case "DAYS" -> Optional.of(Period.ofDays(item.amount()));
			default -> Optional.empty();
		};
	}

	private ApprovedLevel level(Dossier dossier) {
		String code = frameworks.version(dossier.frameworkVersionId()).orElseThrow().code();
		// an approval always records its decision; a row written otherwise still gives its level
		Dossier.Decision decision = dossier.decision();
		return new ApprovedLevel(dossier.systemId(), dossier.level(), code, dossier.frameworkVersionId(), dossier.id(),
				decision == null ? null : decision.number(), decision == null ? null : decision.date());
	}

}
