package vn.camguard.levels.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A level determination of an information system: the answers given, what the rules proposed under
 * the framework version used, and the level the officer settled on.
 *
 * @param id database id
 * @param systemId the information system
 * @param unitId the system's unit when determined
 * @param frameworkVersionId the framework version whose rules were applied
 * @param answers question key to answer value
 * @param proposedMin lowest level the rules allowed
 * @param proposedMax highest level the rules allowed
 * @param decidingRules keys of the rules that set the range
 * @param chosenLevel the level determined
 * @param justification why, required where the rules left room
 * @param status DRAFT in this version (submission comes with the dossier)
 * @param createdBy who ran the wizard
 * @param createdAt when
 */
public record Determination(long id, long systemId, long unitId, long frameworkVersionId, Map<String, String> answers,
		int proposedMin, int proposedMax, List<String> decidingRules, int chosenLevel, String justification,
		String status, String createdBy, OffsetDateTime createdAt) {

	public static final String DRAFT = "DRAFT";

	public Determination {
		answers = Map.copyOf(answers);
		decidingRules = List.copyOf(decidingRules);
	}

	public boolean rulesLeftRoom() {
		return proposedMin != proposedMax;
	}

}
