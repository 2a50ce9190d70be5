package dev.crashlab.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

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
 * matters only for intraday data; it is kept for reports and for converting intraday
 * timestamps.
 */
public final class TradingCalendar {

    /** Every day, around the clock, in UTC: the crypto calendar. */
    public static final TradingCalendar ALWAYS_OPEN =
            new TradingCalendar("24/7", ZoneOffset.UTC, date -> true, date -> 0);

    /**
     * The New York Stock Exchange and Nasdaq: weekdays in America/New_York without the NYSE
     * holidays (full-day closures, including unscheduled ones such as 2001-09-11 to 09-14 and
     * 2012-10-29/30). Holidays are modelled from 1971 on; before that, runs of up to three
     * missing weekdays are tolerated.
     */
    public static final TradingCalendar XNYS = new TradingCalendar("XNYS", ZoneId.of("America/New_York"),
            date -> isWeekday(date) && !NyseHolidays.isHoliday(date),
            date -> date.getYear() < NyseHolidays.FIRST_MODELLED_YEAR ? 3 : 0);

    /** The Hong Kong exchange: weekdays in Asia/Hong_Kong; holidays not modelled (runs of up to 4 tolerated). */
    public static final TradingCalendar XHKG =
            new TradingCalendar("XHKG", ZoneId.of("Asia/Hong_Kong"), TradingCalendar::isWeekday, date -> 4);

    /** The Shanghai and Shenzhen exchanges: weekdays in Asia/Shanghai; holidays not modelled (runs of up to 6 tolerated). */
    public static final TradingCalendar XSHG =
            new TradingCalendar("XSHG", ZoneId.of("Asia/Shanghai"), TradingCalendar::isWeekday, date -> 6);

    /** Spot FX and metals, trading around the clock on weekdays in UTC; single-day closures (Christmas, New Year) tolerated. */
    public static final TradingCalendar FX_24X5 =
            new TradingCalendar("24/5", ZoneOffset.UTC, TradingCalendar::isWeekday, date -> 1);

    private final String id;
    private final ZoneId zone;
    private final Predicate<LocalDate> tradingDay;
    private final java.util.function.ToIntFunction<LocalDate> tolerance;

    private TradingCalendar(String id, ZoneId zone, Predicate<LocalDate> tradingDay,
            java.util.function.ToIntFunction<LocalDate> tolerance) {
        this.id = id;
        this.zone = zone;
        this.tradingDay = tradingDay;
        this.tolerance = tolerance;
    }

    /**
     * Returns a calendar of weekdays in {@code zone}, holidays not modelled, that tolerates runs of
     * up to {@code toleratedMissingDays} missing weekdays.
     */
    public static TradingCalendar weekdays(String id, ZoneId zone, int toleratedMissingDays) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        if (toleratedMissingDays < 0) {
            throw new IllegalArgumentException("toleratedMissingDays must be >= 0, got " + toleratedMissingDays);
        }
        return new TradingCalendar(id, zone, TradingCalendar::isWeekday, date -> toleratedMissingDays);
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

    /** Returns whether a daily bar is expected on {@code date}. */
    public boolean isTradingDay(LocalDate date) {
        return tradingDay.test(date);
    }

    /**
     * Returns how many consecutive expected trading days may be missing around {@code date}
     * before the run is reported as a gap: 0 where holidays are modelled.
     */
    public int toleratedMissingDays(LocalDate date) {
        return tolerance.applyAsInt(date);
    }

    /** Returns the number of trading days strictly between two dates. */
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

    @Override
    public String toString() {
        return "TradingCalendar(" + id + ", " + zone + ")";
    }
}
