package vn.camguard.notifications;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature's deadlines for the daily reminders: declare an implementation as a Spring bean and the reminder job asks
 * it, with nobody signed in, for what falls due in the days ahead. A source answers only deadlines still open (an
 * approved dossier or a finished item has none); the job decides which offset is due and sends each reminder once.
 */
public interface DeadlineSource {

	/** Open deadlines whose last day lies between {@code from} and {@code to}, both included. */
	List<Deadline> dueBetween(LocalDate from, LocalDate to);

}
