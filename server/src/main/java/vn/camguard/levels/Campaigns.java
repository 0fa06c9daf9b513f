package vn.camguard.levels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The campaigns a province tracks (Directive 23's, the 2026 transition, any an administrator adds):
 * their deadlines, and which systems still owe what. It answers facts without checking the caller,
 * so that scheduled jobs (reminders) can ask; a feature showing the answer checks its own scope first.
 */
public interface Campaigns {

	/** Every campaign, earliest deadline first. */
	List<Campaign> all();

	Optional<Campaign> find(long campaignId);

	/** The campaign deadlines falling on a day from {@code from} to {@code to}, both included, in date order. */
	List<Deadline> deadlinesBetween(LocalDate from, LocalDate to);

	/**
	 * Per unit, how many systems have not yet done what the deadline asks: for
	 * {@link DeadlineKind#LEVELS_APPROVED} the systems in use (not retired) without an approved level; for
	 * {@link DeadlineKind#PLANS_IMPLEMENTED} the operating systems with a level approved under one of the
	 * campaign's frameworks whose plan is below 100 %. Every unit with such a system is answered (one row per
	 * unit, counted in the database, so the answer is bounded by the number of units, not of systems), units
	 * owing nothing are left out, in unit id order. Whether the date has passed is not asked: a reminder
	 * wants them before it does.
	 */
	List<UnitOwing> owingPerUnit(long campaignId, DeadlineKind kind);

	/**
	 * A campaign.
	 *
	 * @param id database id
	 * @param code short unique code, e.g. CT23_2023
	 * @param nameVi Vietnamese name
	 * @param nameEn English name
	 * @param frameworkCodes the level frameworks it concerns, e.g. ND85_2016
	 * @param levelsDueOn the day by which levels must be approved, or null
	 * @param plansDueOn the day by which plans must be implemented, or null
	 * @param verified whether the dates were checked against the official text
	 * @param source where the dates come from
	 */
	record Campaign(long id, String code, String nameVi, String nameEn, List<String> frameworkCodes,
			LocalDate levelsDueOn, LocalDate plansDueOn, boolean verified, String source) {

		public Campaign {
			frameworkCodes = List.copyOf(frameworkCodes);
		}

		/** The day the kind of obligation falls due, or null. */
		public LocalDate dueOn(DeadlineKind kind) {
			return kind == DeadlineKind.LEVELS_APPROVED ? levelsDueOn : plansDueOn;
		}

	}

	/** What a campaign deadline asks. */
	enum DeadlineKind {

		/** Every system in use has an approved level. */
		LEVELS_APPROVED,
		/** The plan of every operating system with an approved level is fully implemented. */
		PLANS_IMPLEMENTED

	}

	record Deadline(Campaign campaign, DeadlineKind kind, LocalDate dueOn) {
	}

	/**
	 * A unit whose systems still owe what a deadline asks.
	 *
	 * @param unitId the unit the systems belong to (whose users are responsible)
	 * @param systems how many of its systems owe it (at least one)
	 */
	record UnitOwing(long unitId, long systems) {
	}

}
