package vn.camguard.levels.application;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.domain.WorkingDays;
import vn.camguard.levels.persistence.CalendarStore;

/** The working days of state bodies as the calendar tables hold them today. */
@Service
public class WorkingCalendar {

	/** Years a fixed-date holiday is spread over; legal time limits never reach beyond them. */
	static final int FIRST_YEAR = 2010;

	static final int LAST_YEAR = 2060;

	private final CalendarStore store;

	public WorkingCalendar(CalendarStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public WorkingDays workingDays() {
		Set<LocalDate> off = new HashSet<>();
		Set<LocalDate> worked = new HashSet<>();
		for (CalendarStore.FixedHoliday holiday : store.fixedHolidays()) {
			for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
				try {
					off.add(LocalDate.of(year, holiday.month(), holiday.day()));
				}
				catch (DateTimeException notInThisYear) {
					// 29 February outside leap years
				}
			}
		}
		for (CalendarStore.CalendarDay day : store.days()) {
			(day.kind().equals("WORKING_DAY") ? worked : off).add(day.date());
		}
		return new WorkingDays(off, worked);
	}

}
