package vn.camguard.notifications.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.notifications.Deadline;
import vn.camguard.notifications.DeadlineSource;
import vn.camguard.notifications.Notice;
import vn.camguard.notifications.Notifications;
import vn.camguard.notifications.persistence.NotificationStore;
import vn.camguard.organization.UserContacts.Contact;
import vn.camguard.schedule.DailyWork;

/**
 * The daily deadline reminders: asks every {@link DeadlineSource} for what falls due within the largest offset, and
 * for each deadline reminds each responsible user once per offset (default 7 and 1 days before): in the app and, with
 * an address, by mail. The offset due is the smallest one not below the days left, so a deadline first seen 3 days
 * ahead gets the 7-day reminder (saying 3 days) and later the 1-day one; a day missed while every instance was down
 * is caught up on the next run. The sent-reminders table's unique key keeps each reminder once across instances and
 * restarts, even if two runs overlap.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineReminders {

	static final String WORK = "notification-deadline-reminders";

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final List<DeadlineSource> sources;

	private final Notifications notifications;

	private final NotificationStore store;

	private final StoredNotifications mails;

	private final Clock clock;

	private final int mailAttempts;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final ZoneId zone;

	private final List<Integer> offsets;

	DeadlineReminders(List<DeadlineSource> sources, StoredNotifications notifications, NotificationStore store,
			PlatformTransactionManager transactionManager, AuditTrail audit, Clock clock,
			@Value("${camguard.reminders.days-before:7,1}") String daysBefore,
			@Value("${camguard.reminders.mail-attempts:5}") int mailAttempts) {
		this.sources = List.copyOf(sources);
		this.notifications = notifications;
		this.mails = notifications;
		this.store = store;
		this.clock = clock;
		if (mailAttempts < 1) {
			throw new IllegalArgumentException("camguard.reminders.mail-attempts: at least 1, not " + mailAttempts);
		}
		this.mailAttempts = mailAttempts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.audit = audit;
		this.zone = clock.getZone();
		this.offsets = List.copyOf(new TreeSet<>(Arrays.stream(daysBefore.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Integer::valueOf)
			.peek(days -> {
				if (days < 0 || days > 366) {
					throw new IllegalArgumentException("camguard.reminders.days-before: 0 to 366 days, not " + days);
				}
			})
			.toList()));
	}

	@Bean
	DailyWork deadlineReminderWork(@Value("${camguard.reminders.time:07:00}") LocalTime at,
			@Value("${camguard.reminders.work-name:" + WORK + "}") String name) {
		// the name is a setting only so that a test's instances can own a task no other test context runs
		return new DailyWork(name, at, zone, this::runToday);
	}

	void runToday() {
		run(LocalDate.now(clock.withZone(zone)));
	}

	/**
	 * What one run did: reminders sent now, those found already sent, and the mails of earlier reminders tried again
	 * (sent now, or failed once more).
	 */
	public record Run(int sent, int alreadySent, int mailsResent, int mailsFailedAgain) {

		public Run(int sent, int alreadySent) {
			this(sent, alreadySent, 0, 0);
		}

	}

	public Run run(LocalDate today) {
		// first the mails earlier runs owe: a mail server down yesterday loses no reminder
		StoredNotifications.Retried retried = mails.retryOwedReminderMails(today, mailAttempts);
		if (retried.sent() + retried.failed() > 0) {
			transactions.executeWithoutResult(status -> audit.recordFor("scheduler", "notification.reminders.mail-retried",
					"notification", null, null, null,
					Map.of("day", today.toString(), "sent", retried.sent(), "failedAgain", retried.failed())));
			log.info("deadline reminder mails tried again on {}: {} sent, {} failed again", today, retried.sent(),
					retried.failed());
		}
		if (offsets.isEmpty()) {
			return new Run(0, 0, retried.sent(), retried.failed());
		}
		int largest = offsets.get(offsets.size() - 1);
		int sent = 0;
		int already = 0;
		Map<String, Integer> perSource = new LinkedHashMap<>();
		for (DeadlineSource source : sources) {
			for (Deadline deadline : source.dueBetween(today, today.plusDays(largest))) {
				long daysLeft = ChronoUnit.DAYS.between(today, deadline.dueOn());
				Optional<Integer> offset = offsets.stream().filter(days -> days >= daysLeft).findFirst();
				if (daysLeft < 0 || offset.isEmpty()) {
					continue;
				}
				for (Contact recipient : deadline.recipients()) {
					if (remind(deadline, offset.get(), (int) daysLeft, recipient)) {
						sent++;
						perSource.merge(source.getClass().getSimpleName(), 1, Integer::sum);
					}
					else {
						already++;
					}
				}
			}
		}
		if (sent > 0) {
			int total = sent;
			transactions.executeWithoutResult(status -> audit.recordFor("scheduler", "notification.reminders.sent",
					"notification", null, null, null, Map.of("day", today.toString(), "sent", total, "bySource", perSource)));
		}
		log.info("deadline reminders of {}: {} sent, {} sent before", today, sent, already);
		return new Run(sent, already, retried.sent(), retried.failed());
	}

	/** One reminder in a transaction of its own: claimed by the unique key, or rolled back as already sent. */
	private boolean remind(Deadline deadline, int offset, int daysLeft, Contact recipient) {
		String due = DAY.format(deadline.dueOn());
		Notice notice = new Notice("DEADLINE",
				daysLeft == 0 ? "Hôm nay (" + due + ") là hạn chót: " + deadline.whatVi() + "."
						: "Còn " + daysLeft + " ngày đến hạn " + due + ": " + deadline.whatVi() + ".",
				daysLeft == 0 ? "Today (" + due + ") is the deadline: " + deadline.whatEn() + "."
						: daysLeft + (daysLeft == 1 ? " day" : " days") + " left until " + due + ": " + deadline.whatEn()
								+ ".",
				deadline.link(), "deadline:" + deadline.key());
		try {
			transactions.executeWithoutResult(status -> {
				long id = notifications.toUser(recipient.userId(), notice);
				store.claimReminder(deadline.key(), deadline.dueOn(), offset, recipient.userId(), id,
						OffsetDateTime.now(ZoneOffset.UTC));
			});
			return true;
		}
		catch (DuplicateKeyException alreadySent) {
			return false;
		}
	}

}
