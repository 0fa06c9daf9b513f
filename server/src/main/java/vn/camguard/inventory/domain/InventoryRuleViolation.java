package vn.camguard.inventory.domain;

import java.util.List;

/**
 * A create or update refused because the data breaks inventory rules (bad format, duplicate serial
 * or MAC, unknown system). The web form shows each problem next to its field; REST answers 422.
 */
public class InventoryRuleViolation extends RuntimeException {

	private final List<InvalidValue> problems;

	public InventoryRuleViolation(List<InvalidValue> problems) {
		super("inventory rules broken: " + problems.stream().map(p -> p.field() + "=" + p.code()).toList());
		this.problems = List.copyOf(problems);
	}

	public List<InvalidValue> problems() {
		return problems;
	}

}
