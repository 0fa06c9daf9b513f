package vn.camguard.levels.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The day asked for the dashboard as of a past date is not a date, or lies in the future (a dashboard of
 * a day to come would only repeat today's figures as if they were known).
 *
 * @see PastDashboards#day(String)
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class DashboardDateRefused extends RuntimeException {

	/** The message key saying why, with the text given as its argument. */
	private final String messageKey;

	private final String text;

	DashboardDateRefused(String messageKey, String text) {
		super("dashboard date refused: " + messageKey);
		this.messageKey = messageKey;
		this.text = text;
	}

	public String messageKey() {
		return messageKey;
	}

	public String text() {
		return text;
	}

}
