package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierAction;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Every step of the dossier workflow, for every role, at a level where one body appraises and approves
 * (level 1) and at one where the system owner approves (level 3): only the body Decree 85 names for
 * the level (resolved on the unit tree) takes it, from the statuses it starts from; everyone else in
 * scope gets 403, callers of another district 404, and a step from a wrong status changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierWorkflowTests {

	/** For each step, a status it starts from. */
	private static final Map<DossierAction, DossierStatus> START = new EnumMap<>(Map.of(DossierAction.SUBMIT,
			DossierStatus.DRAFT, DossierAction.RESUBMIT, DossierStatus.RETURNED, DossierAction.WITHDRAW,
			DossierStatus.SUBMITTED, DossierAction.RECEIVE, DossierStatus.SUBMITTED, DossierAction.APPRAISE,
			DossierStatus.UNDER_APPRAISAL, DossierAction.RETURN, DossierStatus.UNDER_APPRAISAL, DossierAction.REJECT,
			DossierStatus.APPRAISED, DossierAction.APPROVE, DossierStatus.APPRAISED));

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	DeterminationStore determinations;

	@Autowired
	DossierStore dossiers;

	@Autowired
	FrameworkStore frameworks;

	TestTree tree;

	final Map<Role, TestTree.TestUser> inside = new EnumMap<>(Role.class);

	TestTree.TestUser officerB;

	TestTree.TestUser adminB;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		for (Role role : Role.values()) {
			inside.put(role, tree.user("wf." + role.name().toLowerCase(), role, tree.districtA()));
		}
		officerB = tree.user("wf.officer.b", Role.UNIT_OFFICER, tree.districtB());
		adminB = tree.user("wf.admin.b", Role.PROVINCE_ADMIN, tree.districtB());
	}

	/** Who takes each step: the preparer is the unit officer, the appraiser the province administrator. */
	private static Role body(DossierAction action, int level) {
		return switch (action.body()) {
			case PREPARER -> Role.UNIT_OFFICER;
			case APPRAISER -> Role.PROVINCE_ADMIN;
			case APPROVER -> level <= 2 ? Role.PROVINCE_ADMIN : Role.UNIT_APPROVER;
		};
	}

	@Test
	void eachStepOnlyByTheBodyTheFrameworkNames() throws Exception {
		List<String> failures = new ArrayList<>();
		for (int level : new int[] { 1, 3 }) {
			for (DossierAction action : DossierAction.values()) {
				for (Role role : Role.values()) {
					long dossier = dossier(tree.communeA(), level, START.get(action));
					int status = step(inside.get(role), dossier, action).getStatus();
					DossierStatus after = dossiers.find(dossier).orElseThrow().status();
					boolean expectAllowed = role == body(action, level);
					if (expectAllowed ? status != 302 || after != action.to() : status != 403 || after != START.get(action)) {
						failures.add("level " + level + " " + action + " by " + role + ": " + status + " -> " + after);
					}
				}
				for (TestTree.TestUser outsider : List.of(officerB, adminB)) {
					long dossier = dossier(tree.communeA(), level, START.get(action));
					int status = step(outsider, dossier, action).getStatus();
					if (status != 404 || dossiers.find(dossier).orElseThrow().status() != START.get(action)) {
						failures.add("level " + level + " " + action + " by another district: " + status);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aStepFromAStatusItDoesNotStartFromChangesNothing() throws Exception {
		List<String> failures = new ArrayList<>();
		for (int level : new int[] { 1, 3 }) {
			for (DossierAction action : DossierAction.values()) {
				for (DossierStatus from : DossierStatus.values()) {
					boolean allowed = action.startsFrom(from, level == 1);
					long dossier = dossier(tree.communeA(), level, from);
					MockHttpServletResponse response = step(inside.get(body(action, level)), dossier, action);
					DossierStatus after = dossiers.find(dossier).orElseThrow().status();
					if (allowed ? after != action.to()
							: response.getStatus() != 200 || after != from
									|| !response.getContentAsString().contains("id=\"form-errors\"")) {
						failures.add("level " + level + " " + action + " from " + from + ": " + response.getStatus()
								+ " -> " + after);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		// where one body appraises and approves (level 1) it approves straight from the appraisal
		assertThat(DossierAction.APPROVE.startsFrom(DossierStatus.UNDER_APPRAISAL, true)).isTrue();
		assertThat(DossierAction.APPROVE.startsFrom(DossierStatus.UNDER_APPRAISAL, false)).isFalse();
	}

	@Test
	void returnsAndWithdrawalsNeedACommentAndApprovalsTheDecision() throws Exception {
		long returned = dossier(tree.communeA(), 3, DossierStatus.UNDER_APPRAISAL);
		MockHttpServletResponse noComment = perform(inside.get(Role.PROVINCE_ADMIN),
				"/levels/dossiers/" + returned + "/steps/RETURN", Map.of("lang", "en"));
		assertThat(noComment.getContentAsString()).contains("Write a comment");
		assertThat(dossiers.find(returned).orElseThrow().status()).isEqualTo(DossierStatus.UNDER_APPRAISAL);

		long appraised = dossier(tree.communeA(), 3, DossierStatus.APPRAISED);
		MockHttpServletResponse noDecision = perform(inside.get(Role.UNIT_APPROVER),
				"/levels/dossiers/" + appraised + "/steps/APPROVE",
				Map.of("lang", "en", "decisionNumber", "12/QĐ-UBND", "decisionSigner", "Chủ tịch"));
		assertThat(noDecision.getContentAsString()).contains("Enter the decision number, date and signer")
			.contains("value=\"12/QĐ-UBND\"");
		MockHttpServletResponse future = perform(inside.get(Role.UNIT_APPROVER),
				"/levels/dossiers/" + appraised + "/steps/APPROVE", Map.of("lang", "en", "decisionNumber", "12/QĐ-UBND",
						"decisionSigner", "Chủ tịch", "decisionDate", today().plusDays(3).toString()));
		assertThat(future.getContentAsString()).contains("cannot be after today");
		assertThat(dossiers.find(appraised).orElseThrow().status()).isEqualTo(DossierStatus.APPRAISED);

		long draft = dossier(tree.communeA(), 3, DossierStatus.DRAFT);
		jdbcDeleteAttachments(draft);
		MockHttpServletResponse incomplete = perform(inside.get(Role.UNIT_OFFICER),
				"/levels/dossiers/" + draft + "/steps/SUBMIT", Map.of("lang", "en"));
		assertThat(incomplete.getContentAsString()).contains("A dossier part has no file: Overview description");
		assertThat(dossiers.find(draft).orElseThrow().status()).isEqualTo(DossierStatus.DRAFT);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private void jdbcDeleteAttachments(long dossier) {
		jdbc.sql("DELETE FROM level_dossier_attachment WHERE dossier_id = :id").param("id", dossier).update();
	}

	private MockHttpServletResponse step(TestTree.TestUser caller, long dossier, DossierAction action) throws Exception {
		return perform(caller, "/levels/dossiers/" + dossier + "/steps/" + action.name(),
				Map.of("comment", "Ý kiến <b>thử</b>", "decisionNumber", "15/QĐ-UBND", "decisionDate",
						today().toString(), "decisionSigner", "Nguyễn Văn A"));
	}

	private MockHttpServletResponse perform(TestTree.TestUser caller, String path, Map<String, String> params)
			throws Exception {
		var request = post(path).with(csrf()).with(user(caller.principal()));
		params.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	/** A dossier of a fresh system of the unit, in the status, with a file record in every part of its level. */
	long dossier(UnitRef unit, int level, DossierStatus status) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long system = systems.insert(new SystemDraft(unit.id(), "Quy trình " + System.nanoTime(), null, null, null,
				SystemStatus.OPERATING), now);
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), level,
				level, List.of(), level, null, Determination.DRAFT, "test", now));
		long id = dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, level, status, null, null,
				null, null, null, "test", now, now));
		for (String part : level >= 4 ? Set.of("D1", "D2", "D3", "D4", "D5") : Set.of("D1", "D2", "D3", "D4")) {
			dossiers.insertAttachment(new Attachment(0, id, part, part + ".pdf", AttachmentType.PDF, 10, "0".repeat(64),
					java.util.UUID.randomUUID().toString(), "test", now));
		}
		return id;
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
