package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.notifications.application.DeadlineReminders;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Without a mail server configured (no {@code spring.mail.host}) the application starts, and a reminder is still
 * recorded in the app, with the mail's outcome "no mail server" recorded against it; the user sees it on the
 * notifications page, in its language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadlineRemindersWithoutMailServerTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	DeadlineReminders reminders;

	@Test
	void theReminderIsRecordedInTheAppAndItsMailMarkedNotSent() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("nm.officer", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser other = tree.user("nm.other", Role.UNIT_OFFICER, tree.districtB());
		jdbc.sql("UPDATE organization_user SET email = 'nm@example.vn' WHERE id = :id").param("id", officer.id()).update();
		// a fixed day far from every shipped campaign date, so that what falls due never depends on today's date
		LocalDate today = LocalDate.of(2026, 6, 15);
		ReminderFixture.of(context).planItem(tree.districtA(), officer.username(), today.plusDays(1));

		assertThat(reminders.run(today).sent()).isGreaterThanOrEqualTo(1);

		long notification = jdbc.sql("SELECT id FROM notification WHERE user_id = :u AND kind = 'DEADLINE'")
			.param("u", officer.id()).query(Long.class).single();
		assertThat(jdbc.sql("SELECT outcome FROM notification_mail WHERE notification_id = :n")
			.param("n", notification).query(String.class).single()).isEqualTo("NO_MAIL_SERVER");
		String page = mvc.perform(get("/notifications").param("lang", "en").with(user(officer.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("notification-" + notification).contains("1 day left").contains("Deadline reminder");
		String othersPage = mvc.perform(get("/notifications").param("lang", "en").with(user(other.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(othersPage).doesNotContain("notification-" + notification);
	}

}
