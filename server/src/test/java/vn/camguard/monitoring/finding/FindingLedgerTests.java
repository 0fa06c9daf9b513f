package vn.camguard.monitoring.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.TestTree;
import vn.camguard.monitoring.FindingLedger;
import vn.camguard.monitoring.ObservedWeakness;
import vn.camguard.organization.OrganizationSetup;

/**
 * The ledger keeps one finding per organisation, address and check: a part recorded again under its key changes
 * nothing (a resumed job neither loses nor doubles), an open finding not seen again by a covering part whose checks
 * ran becomes FIXED, and a FIXED one seen again is NEW again.
 */
@SpringBootTest
class FindingLedgerTests {

	static final Set<String> CHECKS = Set.of("CG-SVC-TELNET", "CG-RTSP-NOAUTH");

	@Autowired
	FindingLedger ledger;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	long org;

	String prefix;

	@BeforeEach
	void organisation() {
		TestTree tree = TestTree.create(setup);
		org = tree.unit("ISP", "ISP", tree.province()).id();
		prefix = tree.prefix();
	}

	@Test
	void aPartRecordedTwiceUnderItsKeyCountsOnce() {
		Instant at = Instant.parse("2026-12-01T01:00:00Z");
		List<ObservedWeakness> seen = List.of(telnet("198.51.100.5"), telnet("198.51.100.5"));
		ledger.recordPart(org, prefix + "/job-1/run-1/part-1", "198.51.100.0", "198.51.100.255", CHECKS, seen, at);
		ledger.recordPart(org, prefix + "/job-1/run-1/part-1", "198.51.100.0", "198.51.100.255", CHECKS, seen,
				at.plusSeconds(60));
		assertThat(row("198.51.100.5", "CG-SVC-TELNET")).isEqualTo(new Row("NEW", 1, at, at));
		ledger.recordPart(org, prefix + "/job-1/run-2/part-1", "198.51.100.0", "198.51.100.255", CHECKS, seen,
				at.plusSeconds(3600));
		assertThat(row("198.51.100.5", "CG-SVC-TELNET")).isEqualTo(new Row("NEW", 2, at, at.plusSeconds(3600)));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void anOpenFindingNotSeenByACoveringPartIsFixedAndReopensWhenSeenAgain() {
		Instant first = Instant.parse("2026-12-01T01:00:00Z");
		ledger.recordPart(org, prefix + "/a", "198.51.100.0", "198.51.100.15", CHECKS,
				List.of(telnet("198.51.100.5"), telnet("198.51.100.6"), telnet("198.51.100.20")), first);
		assertThat(count()).isEqualTo(3);

		Instant second = first.plusSeconds(86_400);
		// .5 seen again; .6 covered and gone; .20 outside this part; the findings of an unrun check stay open
		ledger.recordPart(org, prefix + "/b", "198.51.100.0", "198.51.100.15", CHECKS, List.of(telnet("198.51.100.5")),
				second);
		assertThat(row("198.51.100.5", "CG-SVC-TELNET").status()).isEqualTo("NEW");
		assertThat(row("198.51.100.6", "CG-SVC-TELNET").status()).isEqualTo("FIXED");
		assertThat(row("198.51.100.20", "CG-SVC-TELNET").status()).isEqualTo("NEW");

		ledger.recordPart(org, prefix + "/c", "198.51.100.0", "198.51.100.15", Set.of("CG-RTSP-NOAUTH"), List.of(),
				second.plusSeconds(60));
		assertThat(row("198.51.100.5", "CG-SVC-TELNET").status()).as("its check did not run").isEqualTo("NEW");

		ledger.recordPart(org, prefix + "/d", "198.51.100.0", "198.51.100.15", CHECKS, List.of(telnet("198.51.100.6")),
				second.plusSeconds(120));
		Row reopened = row("198.51.100.6", "CG-SVC-TELNET");
		assertThat(reopened.status()).isEqualTo("NEW");
		assertThat(reopened.timesSeen()).isEqualTo(2);
	}

	private static ObservedWeakness telnet(String address) {
		return new ObservedWeakness(address, 23, "CG-SVC-TELNET", "HIGH", "Telnet <b>open</b>", "banner: login:");
	}

	record Row(String status, int timesSeen, Instant firstSeen, Instant lastSeen) {
	}

	private Row row(String address, String checkId) {
		return jdbc.sql("""
				SELECT status, times_seen, first_seen, last_seen FROM monitoring_finding
				WHERE organization_id = :org AND address = :address AND check_id = :check""")
			.param("org", org)
			.param("address", address)
			.param("check", checkId)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
					rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
			.single();
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM monitoring_finding WHERE organization_id = :org")
			.param("org", org)
			.query(Long.class)
			.single();
	}

}
