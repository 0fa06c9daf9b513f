package vn.camguard.levels.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.ApprovedLevels;
import vn.camguard.levels.domain.Dossier;
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

	private ApprovedLevel level(Dossier dossier) {
		String code = frameworks.version(dossier.frameworkVersionId()).orElseThrow().code();
		// an approval always records its decision; a row written otherwise still gives its level
		Dossier.Decision decision = dossier.decision();
		return new ApprovedLevel(dossier.systemId(), dossier.level(), code, dossier.frameworkVersionId(), dossier.id(),
				decision == null ? null : decision.number(), decision == null ? null : decision.date());
	}

}
