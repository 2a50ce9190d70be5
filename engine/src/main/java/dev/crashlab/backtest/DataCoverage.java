package dev.crashlab.backtest;

import dev.crashlab.data.BarInterval;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a run that depends on prices its data does not hold, or, with the backtest's
 * {@code allowPartialData}, lets it run and keeps a warning for the results.
 *
 * <h2>The rule</h2>
 * A run depends on prices it does not have when its strategy orders an instrument before the
 * instrument's data begins (the first bar the order could fill on is missing from the file: for
 * daily bars, and intraday bars of an exchange, an expected trading day at or after the order's
 * decision, beyond what the calendar tolerates; for weekly, monthly and round-the-clock bars, a
 * bar starting within one interval of the decision; the order would wait, and the run hold cash
 * meanwhile), or holds a position or a waiting order in an instrument at a step by whose close a
 * bar after its last one should have closed (the next trading day's bar, beyond the calendar's
 * tolerance, or the next week's or month's bar; a day without any bar for round-the-clock
 * intraday data): the position would be marked at a stale close. An instrument the strategy
 * never trades is never a problem, however short its data.
 */
final class DataCoverage {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Run run;
    // Per instrument: the first step time at which it should have had a bar after its last one.
    private final long[] staleFrom;
    private final long earliestStale;
    private final boolean[] reported;
    private final List<String> warnings = new ArrayList<>();

    DataCoverage(Run run) {
        this.run = run;
        // Shared by the runs over the same data, only read.
        this.staleFrom = run.shared.staleFrom;
        this.reported = new boolean[run.n];
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < run.n; i++) {
            earliest = Math.min(earliest, staleFrom[i]);
        }
        this.earliestStale = earliest;
    }

    /**
     * Returns the time of the first step at which {@code s} should have shown a bar after its last
     * one: the step whose close ({@code shortest} later) is the end of the first missing bar. The
     * first missing bar is the bar after the last for weekly, monthly and round-the-clock intraday
     * bars; for daily bars, and intraday bars of an exchange, the first trading day after the last
     * bar's beyond what the calendar tolerates.
     */
    static long staleFrom(OhlcvSeries s, BarInterval shortest) {
        if (s.size() == 0) {
            return Long.MIN_VALUE;
        }
        BarInterval interval = s.interval();
        long missingStart;
        if (byTradingDays(s)) {
            TradingCalendar calendar = s.instrument().calendar();
            LocalDate day = s.date(s.size() - 1);
            int expected = 0;
            for (int k = 0; k < 60; k++) {
                day = day.plusDays(1);
                if (calendar.isTradingDay(day) && ++expected > calendar.toleratedMissingDays(day)) {
                    break;
                }
            }
            missingStart = day.toEpochDay() * DAY_MILLIS;
        } else {
            missingStart = interval.endMillis(s.timeMillis(s.size() - 1));
        }
        long missingEnd = interval.isWholeDays() ? interval.endMillis(missingStart) : missingStart + DAY_MILLIS;
        return shortest.startMillis(missingEnd);
    }

    /** Returns whether {@code s}'s bars follow its calendar's trading days: daily bars, and intraday bars of an exchange. */
    private static boolean byTradingDays(OhlcvSeries s) {
        return s.isDaily() || !s.interval().isWholeDays() && s.instrument().calendar() != TradingCalendar.ALWAYS_OPEN;
    }

    /**
     * Checks an order for instrument {@code i} placed now: refused when its data begins later than
     * the first bar the order could fill on (its first expected trading day on or after the
     * order's decision, or the bar of one interval after it for weekly, monthly and round-the-clock
     * bars).
     */
    void checkOrder(int i) {
        OhlcvSeries s = run.bars[i];
        if (run.cur[i] >= 0 || reported[i]) {
            return;
        }
        if (s.size() > 0) {
            long decided = run.decided();
            if (byTradingDays(s)) {
                // The first day whose bar starts at or after the decision.
                LocalDate from = LocalDate.ofEpochDay(Math.floorDiv(decided + DAY_MILLIS - 1, DAY_MILLIS));
                LocalDate first = s.date(0);
                TradingCalendar calendar = s.instrument().calendar();
                if (!first.isAfter(from)
                        || calendar.tradingDaysBetween(from.minusDays(1), first) <= calendar.toleratedMissingDays(first)) {
                    return;
                }
            } else if (s.timeMillis(0) <= s.interval().endMillis(decided)) {
                return;
            }
        }
        problem(i, run.strategy.name() + " ordered " + s.symbol() + " at " + run.nowInstant() + ", before its data begins: "
                + coverage(s) + " and the run starts " + run.clock.time(0),
                "Start the run within the data, or set allowPartialData: true to run anyway (the order waits for the"
                        + " first bar)");
    }

    /** Returns the first step time at which some instrument's data has ended: {@link #checkStep} has nothing to find before. */
    long checkedFrom() {
        return earliestStale;
    }

    /** Checks the current step: a position or waiting order in an instrument whose data has ended is refused. */
    void checkStep() {
        long now = run.now();
        for (int i = 0; i < run.n; i++) {
            if (!reported[i] && now >= staleFrom[i] && (run.account.quantity(i) != 0 || run.hasWaiting(i))) {
                OhlcvSeries s = run.bars[i];
                problem(i, run.strategy.name() + " holds " + (run.account.quantity(i) != 0 ? "a position" : "an order")
                        + " in " + s.symbol() + " at " + run.nowInstant() + ", after its data ends: " + coverage(s)
                        + " and the run goes on to " + run.clock.time(run.clock.size() - 1)
                        + "; it would be marked at its last close",
                        "End the run within the data, or set allowPartialData: true to run anyway");
            }
        }
    }

    private void problem(int i, String what, String fix) {
        reported[i] = true;
        if (!run.spec.allowPartialData()) {
            throw new BacktestException(run.spec.name() + ": " + what + ". " + fix + ".");
        }
        warnings.add(what + " (allowPartialData)");
    }

    /** Returns {@code SYM's data covers A .. B}, in dates for daily or longer bars. */
    private static String coverage(OhlcvSeries s) {
        if (s.size() == 0) {
            return s.symbol() + " has no bars";
        }
        boolean dates = s.interval().isWholeDays();
        Object first = dates ? s.date(0) : s.time(0);
        Object last = dates ? s.date(s.size() - 1) : s.time(s.size() - 1);
        return s.symbol() + "'s data covers " + first + " .. " + last;
    }

    /** Returns the warnings kept for a run that allowed partial data. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
