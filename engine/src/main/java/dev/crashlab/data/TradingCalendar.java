package dev.crashlab.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A trading calendar says on which dates an instrument is expected to have a daily bar.
 *
 * <p>Crypto trades every day ({@link #ALWAYS_OPEN}). Exchanges trade on weekdays in their own
 * time zone, minus their holidays. Where crashlab models an exchange's holidays (the US
 * exchanges, {@link #XNYS}, from 1971 on) a single missing session is a gap. Where it does not
 * (Hong Kong, Shanghai, spot FX and metals) the calendar tolerates runs of missing weekdays up
 * to {@link #toleratedMissingDays(LocalDate)}, long enough for that market's longest regular
 * holiday (Golden Week in Shanghai, Lunar New Year in Hong Kong), and reports longer runs.
 *
 * <p>Daily bars of every calendar are keyed by their trading date, so a calendar's time zone
 * matters for intraday data, for reports, and for when an unscheduled closure becomes known.
 *
 * <h2>What a calendar knows, and when</h2>
 * Scheduled holidays follow published rules and are known years ahead. Unscheduled closures
 * (11 September 2001, Hurricane Sandy, state funerals) are not: a closure on date D is known
 * from the start of D in the calendar's time zone (00:00 America/New_York for {@link #XNYS}),
 * and not before. The rule is conservative: some closures, state funerals for instance, were
 * announced a few days earlier, and a calendar still treats them as unknown until the day.
 *
 * <p>A calendar as the constants and {@link #named} return it is unbound: it answers from the
 * full historical record, in hindsight, unscheduled closures included at any date. That is what
 * data validation needs (a bar on 2001-09-12 is an error whenever the file is read), and it is
 * not for strategies. {@link #knownAt} binds a calendar to a knowledge horizon: the bound view
 * answers as known at that instant. The backtest engine hands strategies and regime
 * classifiers only instruments whose calendars are bound to the current step.
 *
 * <p>Calendars are equal when their ids are, so an instrument holding a bound view equals the
 * same instrument holding the unbound calendar: the view is the same calendar, seen from an
 * earlier time.
 */
public final class TradingCalendar {

    /** Every day, around the clock, in UTC: the crypto calendar. */
    public static final TradingCalendar ALWAYS_OPEN =
            new TradingCalendar("24/7", ZoneOffset.UTC, date -> true, null, date -> 0, null);

    /**
     * The New York Stock Exchange and Nasdaq: weekdays in America/New_York without the NYSE
     * holidays (full-day closures, scheduled ones and unscheduled ones such as 2001-09-11 to 09-14
     * and 2012-10-29/30, the latter known only from their day on: see {@link #knownAt}). Holidays
     * are modelled from 1971 on; before that, runs of up to three missing weekdays are tolerated.
     */
    public static final TradingCalendar XNYS = new TradingCalendar("XNYS", ZoneId.of("America/New_York"),
            date -> isWeekday(date) && !NyseHolidays.isScheduledHoliday(date), NyseHolidays::isSpecialClosure,
            date -> date.getYear() < NyseHolidays.FIRST_MODELLED_YEAR ? 3 : 0, null);

    /** The Hong Kong exchange: weekdays in Asia/Hong_Kong; holidays not modelled (runs of up to 4 tolerated). */
    public static final TradingCalendar XHKG =
            new TradingCalendar("XHKG", ZoneId.of("Asia/Hong_Kong"), TradingCalendar::isWeekday, null, date -> 4, null);

    /** The Shanghai and Shenzhen exchanges: weekdays in Asia/Shanghai; holidays not modelled (runs of up to 6 tolerated). */
    public static final TradingCalendar XSHG =
            new TradingCalendar("XSHG", ZoneId.of("Asia/Shanghai"), TradingCalendar::isWeekday, null, date -> 6, null);

    /** Spot FX and metals, trading around the clock on weekdays in UTC; single-day closures (Christmas, New Year) tolerated. */
    public static final TradingCalendar FX_24X5 =
            new TradingCalendar("24/5", ZoneOffset.UTC, TradingCalendar::isWeekday, null, date -> 1, null);

    private final String id;
    private final ZoneId zone;
    // Trading days by the scheduled rules alone.
    private final Predicate<LocalDate> scheduledOpen;
    // The unscheduled closures; null for a calendar that models none.
    private final Predicate<LocalDate> unscheduledClosure;
    private final ToIntFunction<LocalDate> tolerance;
    // Now, UTC epoch milliseconds; null for the unbound calendar, which knows the whole record.
    private final LongSupplier horizon;

    private TradingCalendar(String id, ZoneId zone, Predicate<LocalDate> scheduledOpen,
            Predicate<LocalDate> unscheduledClosure, ToIntFunction<LocalDate> tolerance, LongSupplier horizon) {
        this.id = id;
        this.zone = zone;
        this.scheduledOpen = scheduledOpen;
        this.unscheduledClosure = unscheduledClosure;
        this.tolerance = tolerance;
        this.horizon = horizon;
    }

    /**
     * Returns a calendar of weekdays in {@code zone}, holidays not modelled, that tolerates runs of
     * up to {@code toleratedMissingDays} missing weekdays. The id names the calendar: calendars
     * are equal when their ids are, so give it one no other calendar uses.
     */
    public static TradingCalendar weekdays(String id, ZoneId zone, int toleratedMissingDays) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        if (toleratedMissingDays < 0) {
            throw new IllegalArgumentException("toleratedMissingDays must be >= 0, got " + toleratedMissingDays);
        }
        return new TradingCalendar(id, zone, TradingCalendar::isWeekday, null, date -> toleratedMissingDays, null);
    }

    /**
     * Returns the calendar named by {@code id}: {@code 24/7}, {@code 24/5}, {@code XNYS} (also
     * {@code NYSE}, {@code NASDAQ}), {@code XHKG} (also {@code HKEX}) or {@code XSHG} (also
     * {@code SSE}, {@code SZSE}), ignoring case.
     */
    public static TradingCalendar named(String id) {
        return switch (id.strip().toUpperCase(Locale.ROOT)) {
            case "24/7", "ALWAYS_OPEN", "CRYPTO" -> ALWAYS_OPEN;
            case "24/5", "FX" -> FX_24X5;
            case "XNYS", "NYSE", "XNAS", "NASDAQ", "US" -> XNYS;
            case "XHKG", "HKEX" -> XHKG;
            case "XSHG", "SSE", "XSHE", "SZSE" -> XSHG;
            default -> throw new IllegalArgumentException("unknown calendar \"" + id
                    + "\": expected one of 24/7, 24/5, XNYS, XHKG, XSHG");
        };
    }

    /** Returns the calendar crashlab assumes for an asset class when nothing else is said. */
    public static TradingCalendar defaultFor(AssetClass assetClass) {
        return switch (assetClass) {
            case CRYPTO -> ALWAYS_OPEN;
            case FX, COMMODITY -> FX_24X5;
            case EQUITY, ETF, INDEX -> XNYS;
        };
    }

    /** Returns the calendar's identifier, such as {@code XNYS} or {@code 24/7}. */
    public String id() {
        return id;
    }

    /** Returns the time zone the exchange keeps its trading dates in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns a view of this calendar that answers as known at the instant {@code nowEpochMillis}
     * returns (UTC epoch milliseconds), asked afresh at each question: scheduled holidays at any
     * date, an unscheduled closure on date D only once {@code now} is at or after the start of D in
     * {@link #zone()}. The view has the same id, zone and tolerance. Binding a bound view again
     * can only move its horizon earlier: it answers as known at the earlier of the two instants.
     * A calendar without unscheduled closures has nothing to hide and returns itself.
     */
    public TradingCalendar knownAt(LongSupplier nowEpochMillis) {
        Objects.requireNonNull(nowEpochMillis, "nowEpochMillis");
        if (unscheduledClosure == null) {
            return this;
        }
        LongSupplier outer = horizon;
        LongSupplier bound = outer == null
                ? nowEpochMillis
                : () -> Math.min(outer.getAsLong(), nowEpochMillis.getAsLong());
        return new TradingCalendar(id, zone, scheduledOpen, unscheduledClosure, tolerance, bound);
    }

    /**
     * Returns whether a daily bar is expected on {@code date}. On an unbound calendar this is the
     * historical record, in hindsight, for data validation; on a view from {@link #knownAt} it is
     * what was known at the view's horizon, so a closure not yet known counts as a trading day.
     */
    public boolean isTradingDay(LocalDate date) {
        if (!scheduledOpen.test(date)) {
            return false;
        }
        if (unscheduledClosure == null || !unscheduledClosure.test(date)) {
            return true;
        }
        return horizon != null && horizon.getAsLong() < date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * Returns how many consecutive expected trading days may be missing around {@code date}
     * before the run is reported as a gap: 0 where holidays are modelled.
     */
    public int toleratedMissingDays(LocalDate date) {
        return tolerance.applyAsInt(date);
    }

    /** Returns the number of trading days strictly between two dates, as {@link #isTradingDay} counts them. */
    public int tradingDaysBetween(LocalDate fromExclusive, LocalDate toExclusive) {
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); d.isBefore(toExclusive); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Returns whether {@code other} is a calendar with the same id, bound to a horizon or not. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TradingCalendar calendar && id.equals(calendar.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TradingCalendar(" + id + ", " + zone
                + (horizon == null ? "" : ", as known at " + Instant.ofEpochMilli(horizon.getAsLong())) + ")";
    }
}
