package vn.camguard.monitoring.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * A narrow caller's pages (a district among many units, more matches than the count cap) hold exactly the rows of
 * the full list in the same order, whichever way the list is sorted and paged: on PostgreSQL they are merged from each
 * unit's first matches, elsewhere read whole, and neither may differ from sorting everything. Last seen times repeat
 * so that the id decides between equals.
 */
@SpringBootTest
@Transactional
class FindingPagingTests {

	private static final int FINDINGS = 1_300;

	private static final int SIZE = 25;

	@Autowired
	FindingStore store;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNarrowCallersPagesAreThoseOfTheWholeSortedList() {
		TestTree tree = TestTree.create(setup);
		// enough other units that the district is a small part of the organisations, as in a province
		for (int i = 0; i < 100; i++) {
			tree.unit("X" + i, "COMMUNE", tree.districtB());
		}
		UnitRef second = tree.unit("2", "COMMUNE", tree.districtA());
		List<Long> units = List.of(tree.districtA().id(), tree.communeA().id(), second.id());
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String[] statuses = { "NEW", "NEW", "NOTIFIED", "NEW", "FIXED", "NEW", "NOTIFIED", "NEW", "FALSE_POSITIVE", "NEW", "NEW" };
		String[] severities = { "CRITICAL", "HIGH", "MEDIUM", "LOW", "HIGH" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < FINDINGS; i++) {
			rows.add(new Object[] { units.get(i % 3), "10.77." + (i / 250) + "." + (i % 250), "CG-PAGE-" + (i % 11),
					severities[i % 5], statuses[i % 11], base.minus(i % 400, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
					base.minus(i % 37, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), 1 + i % 13 });
		}
		jdbc.batchUpdate("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, status,
				  first_seen, last_seen, times_seen)
				VALUES (?, ?, 80, ?, ?, 'Paging', ?, ?, ?, ?)""", rows);

		Instant now = base.plusSeconds(1);
		FindingFilter open = new FindingFilter(null, null, null, null, null, FindingState.OPEN, null, null, false);
		FindingFilter commune = new FindingFilter(tree.communeA().id(), null, null, null, null, null, null, null, false);
		UnitScope district = new UnitScope(Set.of(tree.districtA().id()));
		UnitScope overlapping = new UnitScope(Set.of(tree.districtA().id(), tree.communeA().id()));
		UnitScope province = new UnitScope(Set.of(tree.province().id()));
		FindingFilter districtFilter = new FindingFilter(tree.districtA().id(), null, null, null, null, null, null, null,
				false);
		// every sort both ways for the district; the other callers and filters on the list's default order
		for (FindingSort sort : FindingSort.values()) {
			for (boolean ascending : new boolean[] { false, true }) {
				samePages(district, FindingFilter.none(), sort, ascending, now, 0, -1);
			}
		}
		samePages(district, open, FindingSort.LAST_SEEN, false, now, 0, 17);
		samePages(overlapping, FindingFilter.none(), FindingSort.LAST_SEEN, false, now, 0, 17);
		samePages(province, districtFilter, FindingSort.LAST_SEEN, false, now, 0, 17);
		samePages(district, commune, FindingSort.LAST_SEEN, false, now, 0, 3);
		try (Stream<FindingView> stream = store.stream(district, open, FindingSort.LAST_SEEN, false, now)) {
			assertThat(stream.count()).as("open findings, more than the count cap").isGreaterThan(FindingStore.COUNT_CAP);
		}
	}

	/** The pages (-1: the last) hold the ids of the whole list, in order, at their place. */
	private void samePages(UnitScope scope, FindingFilter filter, FindingSort sort, boolean ascending, Instant now,
			int... pages) {
		List<Long> all;
		try (Stream<FindingView> stream = store.stream(scope, filter, sort, ascending, now)) {
			all = stream.map(view -> view.finding().id()).toList();
		}
		for (int wanted : pages) {
			int page = wanted < 0 ? (all.size() - 1) / SIZE : wanted;
			FindingPage found = store.page(scope, filter, sort, ascending, page, SIZE, now);
			assertThat(found.items()).map(view -> view.finding().id())
				.as("%s %s %s %s page %d", scope, filter, sort, ascending ? "asc" : "desc", page)
				.containsExactlyElementsOf(
						all.subList(Math.min(all.size(), page * SIZE), Math.min(all.size(), page * SIZE + SIZE)));
		}
	}

}
