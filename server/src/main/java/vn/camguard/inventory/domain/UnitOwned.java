package vn.camguard.inventory.domain;

import java.util.List;

/**
 * Something a unit owns by name and devices point to (an information system, a site), as read.
 *
 * @param <D> its draft
 */
public interface UnitOwned<D extends UnitOwned.Draft<D>> {

	long id();

	long unitId();

	/** What an edit form starts from. */
	D draft();

	/** What a form or a REST call says about such a thing before it is checked. */
	interface Draft<D extends Draft<D>> {

		Long unitId();

		/** Unique inside the unit. */
		String name();

		/** This draft trimmed; each broken rule is added to {@code problems}. */
		D normalised(List<InvalidValue> problems);

	}

}
