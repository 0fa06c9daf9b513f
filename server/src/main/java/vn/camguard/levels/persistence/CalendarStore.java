package vn.camguard.levels.persistence;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The working-day calendar: holidays on a fixed solar date, and the dated days of each year. */
@Repository
public class CalendarStore {

	private final JdbcClient jdbc;

	public CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A holiday on the same solar date every year. */
	public record FixedHoliday(int month, int day, String nameVi, String nameEn, boolean verified, String source) {
	}

	/** A dated day: HOLIDAY, DAY_OFF or WORKING_DAY (a weekend day worked in exchange). */
	public record CalendarDay(LocalDate date, String kind, String nameVi, String nameEn, boolean verified,
			String source) {
	}

	public List<FixedHoliday> fixedHolidays() {
		return jdbc.sql("SELECT * FROM working_calendar_fixed_holiday ORDER BY month_of_year, day_of_month")
			.query((rs, row) -> new FixedHoliday(rs.getInt("month_of_year"), rs.getInt("day_of_month"),
					rs.getString("name_vi"), rs.getString("name_en"), rs.getBoolean("verified"), rs.getString("source")))
			.list();
	}

	public List<CalendarDay> days() {
		return jdbc.sql("SELECT * FROM working_calendar_day ORDER BY calendar_day")
			.query((rs, row) -> new CalendarDay(rs.getObject("calendar_day", LocalDate.class), rs.getString("kind"),
					rs.getString("name_vi"), rs.getString("name_en"), rs.getBoolean("verified"), rs.getString("source")))
			.list();
	}

	/** Inserts the holiday unless its date is already there; true when inserted. */
	public boolean insertIfAbsent(FixedHoliday holiday) {
		boolean present = jdbc.sql("SELECT COUNT(*) FROM working_calendar_fixed_holiday "
				+ "WHERE month_of_year = :month AND day_of_month = :day")
			.param("month", holiday.month())
			.param("day", holiday.day())
			.query(Long.class)
			.single() > 0;
		if (present) {
			return false;
		}
		jdbc.sql("INSERT INTO working_calendar_fixed_holiday (month_of_year, day_of_month, name_vi, name_en, verified, "
				+ "source) VALUES (:month, :day, :vi, :en, :verified, :source)")
			.param("month", holiday.month())
			.param("day", holiday.day())
			.param("vi", holiday.nameVi())
			.param("en", holiday.nameEn())
			.param("verified", holiday.verified())
			.param("source", holiday.source())
			.update();
		return true;
	}

	/** Inserts the day unless its date is already there; true when inserted. */
	public boolean insertIfAbsent(CalendarDay day) {
		boolean present = jdbc.sql("SELECT COUNT(*) FROM working_calendar_day WHERE calendar_day = :day")
			.param("day", day.date())
			.query(Long.class)
			.single() > 0;
		if (present) {
			return false;
		}
		jdbc.sql("INSERT INTO working_calendar_day (calendar_day, kind, name_vi, name_en, verified, source) "
				+ "VALUES (:day, :kind, :vi, :en, :verified, :source)")
			.param("day", day.date())
			.param("kind", day.kind())
			.param("vi", day.nameVi())
			.param("en", day.nameEn())
			.param("verified", day.verified())
			.param("source", day.source())
			.update();
		return true;
	}

}
