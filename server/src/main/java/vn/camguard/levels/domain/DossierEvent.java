package vn.camguard.levels.domain;

import java.time.OffsetDateTime;

/**
 * One entry of a dossier's timeline.
 *
 * @param action a {@link DossierAction} name, or CREATE, SUPERSEDE
 * @param from status before, null at creation
 * @param to status after
 * @param actor username
 * @param comment the comment given (return, withdrawal, approval decision in words), or null
 * @param at when
 */
public record DossierEvent(long id, long dossierId, String action, DossierStatus from, DossierStatus to,
		String actor, String comment, OffsetDateTime at) {
}
