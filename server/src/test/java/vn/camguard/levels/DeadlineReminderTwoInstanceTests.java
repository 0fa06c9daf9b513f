package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 */
@SpringBootTest(properties = { DeadlineReminderTwoInstanceTests.MAIL_HOST, DeadlineReminderTwoInstanceTests.MAIL_PORT,
		DeadlineReminderTwoInstanceTests.POLLING, DeadlineReminderTwoInstanceTests.WORK_NAME })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineReminderTwoInstanceTests {

	static final String MAIL_HOST = "spring.mail.host=127.74.0.1";

	static final String MAIL_PORT = "spring.mail.port=3127";

	static final String POLLING = "camguard.schedule.polling-interval=200ms";

	// a task only these two instances know, so that no other test context's scheduler takes it
	static final String WORK = "test-deadline-reminders-two-instances";

	static final String WORK_NAME = "camguard.reminders.work-name=" + WORK;

	private static final ServerSetup SMTP = new ServerSetup(3127, "127.74.0.1", ServerSetup.PROTOCOL_SMTP);

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
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		ReminderFixture fixture = ReminderFixture.of(context);
		long dossier = fixture.underAppraisal(tree.communeA(), today.plusDays(1));
		fixture.planItem(tree.districtA(), officer.username(), today.plusDays(7));
		// owned by a name that is no user: the unit's officers are reminded (rm.silent gave no address)
		fixture.planItem(tree.districtB(), "Chị Lan", today.plusDays(1));
		// too far ahead for any reminder
		fixture.planItem(tree.districtA(), officer.username(), today.plusDays(20));

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CamGuardApplication.class)
			.properties("server.port=0", "spring.jmx.enabled=false", MAIL_HOST, MAIL_PORT, POLLING, WORK_NAME)
			.run()) {
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
			CompletableFuture<DeadlineReminders.Run> a = CompletableFuture.supplyAsync(() -> first.run(today));
			CompletableFuture<DeadlineReminders.Run> b = CompletableFuture.supplyAsync(() -> other.run(today));
			a.get();
			b.get();
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
		jdbc.sql("UPDATE organization_user SET email = :e WHERE id = :id").param("e", address(who))
			.param("id", user.id()).update();
	}

}
