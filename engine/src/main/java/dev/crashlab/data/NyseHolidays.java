package dev.crashlab.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The full-day closures of the New York Stock Exchange from 1971 (the Uniform Monday Holiday
 * Act) on, in two kinds: the scheduled holidays, which follow fixed rules and are known years
 * ahead, and the unscheduled closures, which nobody could have known long before they happened.
 */
final class NyseHolidays {

    static final int FIRST_MODELLED_YEAR = 1971;

    /**
     * Unscheduled closures: state funerals, weather, blackout, 11 September 2001. Kept apart from
     * the rules because a backtest may know them only once they happen (see
     * {@link TradingCalendar#knownAt}).
     */
    private static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(
            LocalDate.of(1972, 12, 28), // Truman funeral
            LocalDate.of(1973, 1, 25), // Johnson funeral
            LocalDate.of(1977, 7, 14), // New York blackout
            LocalDate.of(1985, 9, 27), // Hurricane Gloria
            LocalDate.of(1994, 4, 27), // Nixon funeral
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), // September 11
            LocalDate.of(2004, 6, 11), // Reagan funeral
            LocalDate.of(2007, 1, 2), // Ford funeral
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), // Hurricane Sandy
            LocalDate.of(2018, 12, 5), // G. H. W. Bush funeral
            LocalDate.of(2025, 1, 9)); // Carter funeral

    private NyseHolidays() {
    }

    /** Returns whether {@code date} is one of the unscheduled closures. */
    static boolean isSpecialClosure(LocalDate date) {
        return SPECIAL_CLOSURES.contains(date);
    }

    /** Returns whether the regular holiday rules close the exchange on {@code date} (false before 1971). */
    static boolean isScheduledHoliday(LocalDate date) {
        int year = date.getYear();
        if (year < FIRST_MODELLED_YEAR) {
            return false;
        }
        // New Year's Day: a Sunday moves to Monday; a Saturday is not made up on the Friday before.
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (date.equals(newYear) || (newYear.getDayOfWeek() == DayOfWeek.SUNDAY && date.equals(newYear.plusDays(1)))) {
            return true;
        }
        if (year >= 1998 && date.equals(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3))) {
            return true; // Martin Luther King Jr. Day
        }
        if (date.equals(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))) {
            return true; // Washington's Birthday
        }
        if (date.equals(easterSunday(year).minusDays(2))) {
            return true; // Good Friday
        }
        if (date.equals(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
            return true; // Memorial Day
        }
        if (year >= 2022 && date.equals(observed(LocalDate.of(year, 6, 19)))) {
            return true; // Juneteenth
        }
        if (date.equals(observed(LocalDate.of(year, 7, 4)))) {
            return true; // Independence Day
        }
        if (date.equals(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))) {
            return true; // Labor Day
        }
        if (year <= 1980 && year % 4 == 0
                && date.equals(nthWeekday(year, Month.NOVEMBER, DayOfWeek.MONDAY, 1).plusDays(1))) {
            return true; // presidential Election Day, closed until 1980
        }
        if (date.equals(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))) {
            return true; // Thanksgiving
        }
        return date.equals(observed(LocalDate.of(year, 12, 25))); // Christmas
    }

    /** A holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after. */
    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
