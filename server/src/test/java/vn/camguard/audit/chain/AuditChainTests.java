package vn.camguard.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.audit.AuditEntry;
import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditQuery;
import vn.camguard.audit.AuditTrail;
import vn.camguard.audit.AuditVisibility;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * The hash chain: concurrent appends link correctly, verification finds a row altered with plain
 * JDBC (and one whose hash was recomputed by the forger without the key), reads are scoped, CSV
 * export is safe. Tampered rows are put back at the end because every test class shares the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	MockMvc mvc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void concurrentAppendsFormOneUnbrokenChain() throws Exception {
		String actor = "tester-" + System.nanoTime();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						trail.recordFor(actor, "test.concurrent", "test", thread + "-" + i, null, null,
								Map.of("thread", thread, "i", i));
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long appended = System.nanoTime();
		// other test runs may append to the shared database meanwhile, so count ours rather than the head
		List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry WHERE actor = :actor")
			.param("actor", actor)
			.query(Long.class)
			.list();
		assertThat(seqs).hasSize(100).doesNotHaveDuplicates();
		var verification = log.verify();
		long verified = System.nanoTime();
		// a figure for the report, never asserted: speed depends on the machine
		System.out.printf("audit: 100 appends from 4 threads in %d ms; verify of %d entries in %d ms%n",
				(appended - started) / 1_000_000, verification.checked(), (verified - appended) / 1_000_000);
		assertThat(verification.intact()).as("verification %s", verification).isTrue();
		assertThat(verification.checked()).isGreaterThanOrEqualTo(seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	@Test
	void verificationReportsTheFirstAlteredRowAndARowRehashedWithoutTheKey() {
		trail.recordFor("tester", "test.tamper", "test", "1", null, null, Map.of("amount", 1));
		trail.recordFor("tester", "test.tamper", "test", "2", null, null, Map.of("amount", 2));
		trail.recordFor("tester", "test.tamper", "test", "3", null, null, Map.of("amount", 3));
		Tampering tampering = new Tampering(dataSource);
		long victim = lastSeq() - 1;
		var originals = tampering.rowsFrom(victim);
		long headSeq = lastSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		try {
			tampering.asOwner(db -> db.sql("UPDATE audit_entry SET after_json = '{\"amount\":2000}' WHERE seq = :seq")
				.param("seq", victim)
				.update());
			var broken = log.verify();
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBrokenSeq()).hasValue(victim);
			assertThat(broken.reason()).isEqualTo("hash");

			// a forger who also recomputes the row's hash, as the old unkeyed chain allowed, is still caught there
			AuditEntry forged = entry(victim);
			tampering.asOwner(db -> db.sql("UPDATE audit_entry SET hash = :hash WHERE seq = :seq")
				.param("hash", AuditChain.hash(forged))
				.param("seq", victim)
				.update());
			var rehashed = log.verify();
			assertThat(rehashed.firstBrokenSeq()).hasValue(victim);
			assertThat(rehashed.reason()).isEqualTo("hash");
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void verificationReportsADeletedEntry() {
		trail.recordFor("tester", "test.delete", "test", "1", null, null, null);
		trail.recordFor("tester", "test.delete", "test", "2", null, null, null);
		Tampering tampering = new Tampering(dataSource);
		long victim = lastSeq() - 1;
		var originals = tampering.rowsFrom(victim);
		long headSeq = lastSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		try {
			tampering.asOwner(db -> db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", victim).update());
			var broken = log.verify();
			assertThat(broken.firstBrokenSeq()).hasValue(victim);
			assertThat(broken.reason()).isEqualTo("gap");
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void verifyActionIsOfferedOnThePageAndInTheApi() throws Exception {
		TestTree tree = TestTree.create(setup);
		var auditor = tree.user("auditor", Role.AUDITOR, tree.province());
		String page = mvc.perform(post("/audit/verify").with(user(auditor.principal())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Chuỗi nhật ký nguyên vẹn");
		String json = mvc.perform(post("/api/v1/audit/verify").with(user(auditor.principal())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"intact\":true", "\"firstBrokenSeq\":null");
	}

	@Test
	void readersSeeOnlyEntriesOfTheirUnits() throws Exception {
		TestTree tree = TestTree.create(setup);
		var inA = tree.unit("AUD", "COMMUNE", tree.districtA());
		var inB = tree.unit("AUD", "COMMUNE", tree.districtB());
		var auditorA = tree.user("auditora", Role.AUDITOR, tree.districtA());
		String json = mvc
			.perform(get("/api/v1/audit").param("entityType", "unit")
				.param("action", "unit.create")
				.param("size", "500")
				.with(user(auditorA.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains(inA.code()).doesNotContain(inB.code());
		var officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		mvc.perform(get("/api/v1/audit").with(user(officer.principal()))).andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(user(officer.principal()))).andExpect(status().isForbidden());
	}

	@Test
	void filtersByActorActionAndDate() throws Exception {
		String actor = "filter-" + System.nanoTime();
		trail.recordFor(actor, "test.filter.one", "test", "1", null, null, null);
		trail.recordFor(actor, "test.other", "test", "2", null, null, null);
		AuditVisibility all = new AuditVisibility(Set.of(), true);
		// days are those of camguard.time-zone, not of the machine
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		var page = log.search(new AuditQuery(today, today, actor, "test.filter", null, null), all, 0, 10);
		assertThat(page.entries()).extracting(AuditEntry::action).containsExactly("test.filter.one");
		var yesterday = log.search(new AuditQuery(today.minusDays(2), today.minusDays(1), actor, null, null, null),
				all, 0, 10);
		assertThat(yesterday.entries()).isEmpty();

		TestTree tree = TestTree.create(setup);
		var auditor = tree.user("filter", Role.AUDITOR, tree.province());
		String day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today);
		String html = mvc
			.perform(get("/audit").param("from", day).param("to", day).param("actor", actor).with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("test.filter.one", "test.other", "value=\"" + day + "\"");
	}

	@Test
	void mistypedDatesAreFormErrorsNotABarePage() throws Exception {
		TestTree tree = TestTree.create(setup);
		var auditor = tree.user("dates", Role.AUDITOR, tree.province());
		String html = mvc
			.perform(get("/audit").param("from", "31/02/2026").param("to", "hôm qua").param("lang", "en")
				.with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("is-invalid", "Invalid date", "value=\"31/02/2026\"", "value=\"hôm qua\"",
				"No audit entries match the filter.");

		String reversed = mvc
			.perform(get("/audit").param("from", "2/11/2026").param("to", "01/11/2026").param("lang", "vi")
				.with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(reversed).contains("Ngày kết thúc phải không sớm hơn ngày bắt đầu.");

		mvc.perform(get("/audit/export.csv").param("from", "2026-11-01").with(user(auditor.principal())))
			.andExpect(status().isBadRequest());
		String json = mvc
			.perform(get("/api/v1/audit").param("from", "31/02/2026").param("lang", "en").with(user(auditor.principal())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"field\":\"from\"", "\"code\":\"date\"", "yyyy-MM-dd");
	}

	@Test
	void csvExportStartsWithABomAndDefusesFormulas() throws Exception {
		String actor = "=HYPERLINK(\"http://x\")" + System.nanoTime();
		trail.recordFor(actor, "test.export", "test", "@SUM(1)", null, null, Map.of("note", "Xã Bãi Bông"));
		StringWriter out = new StringWriter();
		long written = log.exportCsv(new AuditQuery(null, null, actor, null, null, null),
				new AuditVisibility(Set.of(), true), out);
		String csv = out.toString();
		assertThat(written).isEqualTo(1);
		assertThat(csv).startsWith("\uFEFFseq,at,actor");
		assertThat(csv).contains("'=HYPERLINK", "'@SUM(1)", "Xã Bãi Bông");

		TestTree tree = TestTree.create(setup);
		var auditor = tree.user("csv", Role.AUDITOR, tree.province());
		byte[] bytes = mvc.perform(get("/audit/export.csv").param("action", "unit.create").with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(tree.communeA().code());
	}

	@Test
	void entriesNeverCarryPasswordHashes() {
		TestTree tree = TestTree.create(setup);
		var user = tree.user("plain", Role.AUDITOR, tree.province());
		List<String> json = jdbc.sql("""
				SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit_entry
				WHERE entity_type = 'user' AND entity_id = :id""").param("id", Long.toString(user.id())).query(String.class).list();
		assertThat(json).isNotEmpty().noneMatch(text -> text.contains("bcrypt") || text.toLowerCase().contains("hash"));
	}

	private long lastSeq() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	private AuditEntry entry(long seq) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE seq = :seq")
					.param("seq", seq)
					.query((rs, n) -> new AuditEntry(rs.getLong("seq"),
							rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
							rs.getString("actor_address"), rs.getString("action"), rs.getString("entity_type"),
							rs.getString("entity_id"), rs.getObject("unit_id", Long.class), rs.getString("before_json"),
							rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash")))
					.single();
	}

}
