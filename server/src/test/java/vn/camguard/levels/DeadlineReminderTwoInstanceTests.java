package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.camguard.CamGuardApplication;
import vn.camguard.TestTree;
import vn.camguard.notifications.application.DeadlineReminders;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Issue 17's reminder proof: two server instances (this test's context and a second one started beside it) on one
 * database and one real SMTP server (GreenMail on this helper's loopback block). The daily reminder job falls due,
 * runs once, and each responsible user gets exactly one mail per deadline: the appraising body (province
 * administrator) of a dossier due tomorrow, the owner of a plan item due in a week; a responsible user without an
 * address is reminded in the app only. Running the job again on both instances at once sends nothing more; six days
 * later the plan item's 1-day reminder goes, once.
 * <p>
 * The instances run on a fixed clock ({@link FixedDay}), so that what falls due never depends on the day the test
 * runs: on the real date, the 2026 transition's 01/01/2027 would enter the reminder window from 25/12/2026 on. The
 * campaign reminders are proven on a day of their own (28/12/2026), and the mail that fails to go is retried by a
 * later run.
 */
@SpringBootTest(properties = { DeadlineReminderTwoInstanceTests.MAIL_HOST, DeadlineReminderTwoInstanceTests.MAIL_PORT,
		DeadlineReminderTwoInstanceTests.POLLING, DeadlineReminderTwoInstanceTests.WORK_NAME })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineReminderTwoInstanceTests {

	static final String MAIL_HOST = "spring.mail.host=127.82.0.1";

	static final String MAIL_PORT = "spring.mail.port=3182";

	static final String POLLING = "camguard.schedule.polling-interval=200ms";

	// a task only these two instances know, so that no other test context's scheduler takes it
	static final String WORK = "test-deadline-reminders-two-instances";

	static final String WORK_NAME = "camguard.reminders.work-name=" + WORK;

	private static final ServerSetup SMTP = new ServerSetup(3182, "127.82.0.1", ServerSetup.PROTOCOL_SMTP);

	/** The day both instances' clocks say it is (in the province's zone), far from every shipped campaign date. */
	static final LocalDate DAY = LocalDate.of(2026, 6, 15);

	/** Both instances' clock: {@link #DAY}, before the reminders' run time. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FixedDay {

		@Bean
		@Primary
		Clock fixedClock() {
			ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
			return Clock.fixed(DAY.atTime(6, 0).atZone(zone).toInstant(), zone);
		}

	}

	@Autowired
	ApplicationContext context;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	GreenMail greenMail;

	TestTree tree;

	@BeforeAll
	void smtp() {
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		tree = TestTree.create(setup);
	}

	@AfterAll
	void stop() {
		greenMail.stop();
	}

	@Test
	void theDailyJobRunsOnceAcrossTwoInstancesAndMailsEachRecipientOnce() throws Exception {
		TestTree.TestUser admin = tree.user("rm.admin", Role.PROVINCE_ADMIN, tree.province());
		TestTree.TestUser officer = tree.user("rm.officer", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser silent = tree.user("rm.silent", Role.UNIT_OFFICER, tree.districtB());
		email(admin, "admin");
		email(officer, "officer");
		LocalDate today = LocalDate.now(context.getBean(Clock.class));
		assertThat(today).isEqualTo(DAY);
		ReminderFixture fixture = ReminderFixture.of(context);
		long dossier = fixture.underAppraisal(tree.communeA(), today.plusDays(1));
		fixture.planItem(tree.districtA(), officer.username(), today.plusDays(7));
		// owned by a name that is no user: the unit's officers are reminded (rm.silent gave no address)
		fixture.planItem(tree.districtB(), "Chị Lan", today.plusDays(1));
		// too far ahead for any reminder
		fixture.planItem(tree.districtA(), officer.username(), today.plusDays(20));

		try (ConfigurableApplicationContext second = secondInstance()) {
			// the day's run time arrives while both instances poll
			Timestamp now = Timestamp.from(Instant.now());
			assertThat(jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = :name AND NOT picked")
				.param("now", now).param("name", WORK).update()).isEqualTo(1);
			Instant next = Instant.EPOCH;
			for (int i = 0; i < 600 && next.isBefore(Instant.now().plusSeconds(3600)); i++) {
				Thread.sleep(100);
				next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :name AND NOT picked")
					.param("name", WORK).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.EPOCH);
			}
			assertThat(next).as("the run finished and the next one is planned for another day")
				.isAfter(Instant.now().plusSeconds(3600));

			assertThat(mailsTo(address("admin"))).hasSize(1);
			assertThat(mailsTo(address("officer"))).hasSize(1);
			MimeMessage toAdmin = mailsTo(address("admin")).getFirst();
			assertThat((String) toAdmin.getContent()).contains("Còn 1 ngày")
				.contains("thẩm định hồ sơ cấp độ số " + dossier)
				.contains("1 day left")
				.contains("/levels/dossiers/" + dossier);
			assertThat((String) mailsTo(address("officer")).getFirst().getContent()).contains("Còn 7 ngày");
			assertThat(reminders(admin)).isEqualTo(1);
			assertThat(reminders(officer)).isEqualTo(1);
			assertThat(reminders(silent)).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :u AND kind = 'DEADLINE'")
				.param("u", silent.id()).query(Long.class).single()).isEqualTo(1);

			// the same day again on both instances at once: every reminder is already sent
			DeadlineReminders first = context.getBean(DeadlineReminders.class);
			DeadlineReminders other = second.getBean(DeadlineReminders.class);
			runAtOnce(first, other, today);
			assertThat(mailsTo(address("admin"))).hasSize(1);
			assertThat(mailsTo(address("officer"))).hasSize(1);
			assertThat(reminders(admin) + reminders(officer) + reminders(silent)).isEqualTo(3);

			// six days on, one day is left on the plan item: its 1-day reminder goes once
			other.run(today.plusDays(6));
			first.run(today.plusDays(6));
			assertThat(mailsTo(address("officer"))).hasSize(2);
			assertThat((String) mailsTo(address("officer")).get(1).getContent()).contains("Còn 1 ngày");
			assertThat(mailsTo(address("admin"))).hasSize(1);
		}
	}

	/**
	 * Campaign dates as a reminder source: four days before the 2026 transition's "Decree 85 dossiers closed by
	 * 01/01/2027", both instances run at once, and each responsible user (a unit officer on the unit or above it) of a
	 * unit with systems still without an approved level gets exactly one mail for the date, however many of its units
	 * owe it; the officer of a district whose every system has its level approved gets none, nor does the province
	 * administrator. A second run on both instances sends nothing more.
	 */
	@Test
	void campaignDatesRemindTheOfficersOfUnitsStillOwingThemOnceEach() throws Exception {
		TestTree campaignTree = TestTree.create(setup);
		TestTree.TestUser owingDistrict = campaignTree.user("cp.owing", Role.UNIT_OFFICER, campaignTree.districtA());
		TestTree.TestUser wholeTree = campaignTree.user("cp.tree", Role.UNIT_OFFICER, campaignTree.province());
		TestTree.TestUser meetingDistrict = campaignTree.user("cp.meeting", Role.UNIT_OFFICER, campaignTree.districtB());
		TestTree.TestUser admin = campaignTree.user("cp.admin", Role.PROVINCE_ADMIN, campaignTree.province());
		for (TestTree.TestUser user : List.of(owingDistrict, wholeTree, meetingDistrict, admin)) {
			setEmail(user, campaignAddress(campaignTree, user));
		}
		ReminderFixture fixture = ReminderFixture.of(context);
		fixture.systemWithoutLevel(campaignTree.districtA());
		fixture.systemWithoutLevel(campaignTree.communeA());
		// district B and its commune: every system has its level approved (its plan item is due long after)
		fixture.planItem(campaignTree.districtB(), meetingDistrict.username(), LocalDate.of(2027, 3, 1));
		fixture.planItem(campaignTree.communeB(), meetingDistrict.username(), LocalDate.of(2027, 3, 1));
		LocalDate day = LocalDate.of(2026, 12, 28);

		try (ConfigurableApplicationContext second = secondInstance()) {
			DeadlineReminders first = context.getBean(DeadlineReminders.class);
			DeadlineReminders other = second.getBean(DeadlineReminders.class);
			runAtOnce(first, other, day);
			other.run(day);
			first.run(day);
		}

		for (TestTree.TestUser officer : List.of(owingDistrict, wholeTree)) {
			List<MimeMessage> mails = mailsTo(campaignAddress(campaignTree, officer));
			assertThat(mails).as(officer.username()).hasSize(1);
			assertThat((String) mails.getFirst().getContent()).contains("Còn 4 ngày đến hạn 01/01/2027")
				.contains("2 hệ thống thông tin chưa được phê duyệt cấp độ (2 đơn vị)")
				.contains("2 information system(s) without an approved security level (2 units)")
				.contains("/levels/campaigns/")
				.contains("kind=LEVELS_APPROVED");
			assertThat(reminders(officer)).isEqualTo(1);
		}
		assertThat(mailsTo(campaignAddress(campaignTree, meetingDistrict))).isEmpty();
		assertThat(reminders(meetingDistrict)).isZero();
		assertThat(mailsTo(campaignAddress(campaignTree, admin))).isEmpty();
		assertThat(reminders(admin)).isZero();
	}

	/**
	 * A reminder whose mail fails (the SMTP server is down) is not lost: the user sees on the notifications page that
	 * its mail did not go, and the next run, once the server is back, sends it, on one instance only, and no run after
	 * that sends it again.
	 */
	@Test
	void aReminderMailThatFailedIsSentByALaterRunOnceTheServerIsBack() throws Exception {
		TestTree retryTree = TestTree.create(setup);
		TestTree.TestUser officer = retryTree.user("rt.officer", Role.UNIT_OFFICER, retryTree.districtA());
		String address = campaignAddress(retryTree, officer);
		setEmail(officer, address);
		ReminderFixture.of(context).planItem(retryTree.districtA(), officer.username(), DAY.plusDays(1));
		DeadlineReminders first = context.getBean(DeadlineReminders.class);

		greenMail.stop();
		try {
			assertThat(first.run(DAY).sent()).isGreaterThanOrEqualTo(1);
		}
		finally {
			greenMail = new GreenMail(SMTP);
			greenMail.start();
		}
		long notification = jdbc.sql("SELECT id FROM notification WHERE user_id = :u AND kind = 'DEADLINE'")
			.param("u", officer.id()).query(Long.class).single();
		assertThat(mailOutcome(notification, officer)).isEqualTo("FAILED");
		String page = context.getBean(MockMvc.class)
			.perform(get("/notifications").param("lang", "en").with(user(officer.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("notification-mail-" + notification).contains("could not be sent (1 attempts)");

		try (ConfigurableApplicationContext second = secondInstance()) {
			DeadlineReminders other = second.getBean(DeadlineReminders.class);
			assertThat(runAtOnce(first, other, DAY)).isGreaterThanOrEqualTo(1);
			other.run(DAY);
			first.run(DAY);
		}
		assertThat(mailsTo(address)).hasSize(1);
		assertThat((String) mailsTo(address).getFirst().getContent()).contains("Còn 1 ngày");
		assertThat(mailOutcome(notification, officer)).isEqualTo("SENT");
		assertThat(reminders(officer)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'notification.reminders.mail-retried'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
		String after = context.getBean(MockMvc.class)
			.perform(get("/notifications").param("lang", "en").with(user(officer.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("notification-" + notification).doesNotContain("notification-mail-" + notification);
	}

	/** Both instances run the day at once; the mails of earlier reminders they sent again, together. */
	private static int runAtOnce(DeadlineReminders first, DeadlineReminders other, LocalDate day) throws Exception {
		CompletableFuture<DeadlineReminders.Run> a = CompletableFuture.supplyAsync(() -> first.run(day));
		CompletableFuture<DeadlineReminders.Run> b = CompletableFuture.supplyAsync(() -> other.run(day));
		return a.get().mailsResent() + b.get().mailsResent();
	}

	private String mailOutcome(long notification, TestTree.TestUser user) {
		return jdbc.sql("SELECT outcome FROM notification_mail WHERE notification_id = :n AND user_id = :u")
			.param("n", notification).param("u", user.id()).query(String.class).single();
	}

	private static String campaignAddress(TestTree tree, TestTree.TestUser user) {
		return user.username().replace('.', '-').toLowerCase(Locale.ROOT) + "@example.vn";
	}

	private static ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(CamGuardApplication.class, FixedDay.class)
			.properties("server.port=0", "spring.jmx.enabled=false", MAIL_HOST, MAIL_PORT, POLLING, WORK_NAME)
			.run();
	}

	private long reminders(TestTree.TestUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_reminder WHERE user_id = :u").param("u", user.id())
			.query(Long.class).single();
	}

	private List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private String address(String who) {
		return "rm-" + who + "-" + tree.prefix().toLowerCase(Locale.ROOT) + "@example.vn";
	}

	private void email(TestTree.TestUser user, String who) {
		setEmail(user, address(who));
	}

	private void setEmail(TestTree.TestUser user, String address) {
		jdbc.sql("UPDATE organization_user SET email = :e WHERE id = :id").param("e", address)
			.param("id", user.id()).update();
	}

}
