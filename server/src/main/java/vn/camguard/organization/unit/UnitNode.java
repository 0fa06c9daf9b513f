package vn.camguard.organization.unit;

/** A unit with its depth below the top of the shown tree (for indentation). */
public record UnitNode(Unit unit, int depth) {
}
