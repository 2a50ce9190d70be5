package dev.crashlab.strategy;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.equity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.testing.TestBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reads of a strategy's bars over windows of bars and calendar days: the engine answers from
 * values computed ahead, equal at every step to the scans of the interface's definitions.
 */
class BarsTest {

    @Test
    void highsOverCalendarDaysCountDatesNotBarsOnAWeekdayCalendar() {
        // QQQ from Wednesday 2024-01-03: closes on Wed, Thu, Fri, then Mon and Tue; no weekend bars.
        var qqq = closes(equity("QQQ"), LocalDate.of(2024, 1, 3), 10, 14, 12, 11, 13);
        List<String> seen = new ArrayList<>();
        Backtest.builder(MarketData.of(qqq)).initialCash(1_000).strategy(() -> ctx -> {
            Bars bars = ctx.bars("QQQ");
            if (bars.isNew()) {
                seen.add(bars.date(bars.size() - 1) + " before3=" + bars.highestCloseOfDaysBefore(3) + " before5="
                        + bars.highestCloseOfDaysBefore(5) + " since0104=" + bars.highestCloseSince(LocalDate.of(2024, 1, 4)));
            }
        }).build().run();

        assertThat(seen).containsExactly(
                "2024-01-03 before3=NaN before5=NaN since0104=NaN",
                "2024-01-04 before3=10.0 before5=10.0 since0104=NaN",
                "2024-01-05 before3=14.0 before5=14.0 since0104=12.0",
                "2024-01-08 before3=12.0 before5=14.0 since0104=12.0", // Friday only: the 5th is 3 days back
                "2024-01-09 before3=11.0 before5=14.0 since0104=13.0");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void windowReadsEqualTheirScansAtEveryStepOnRandomDaysAndTies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> closes = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            closes.add(1.0 + random.nextInt(8)); // few distinct values: ties everywhere
        }
        // Weekday bars from 2023-01-02, some days missing: calendar windows hold varying numbers of bars.
        OhlcvSeries.Builder builder = OhlcvSeries.builder(TestBars.equity("QQQ"));
        LocalDate day = LocalDate.of(2023, 1, 2);
        for (double c : closes) {
            builder.add(day, c);
            day = day.plusDays(1 + random.nextInt(3));
        }
        OhlcvSeries qqq = builder.build();
        int[] windows = {1, 2, 3, 7, 30, 365};
        List<String> mismatches = new ArrayList<>();
        int[] checks = new int[1];
        Backtest.builder(MarketData.of(qqq)).initialCash(1_000).start(qqq.time(200)).allowPartialData(true).strategy(() -> ctx -> {
            Bars bars = ctx.bars("QQQ");
            // A date that stays the same for a while, as a trailing stop's entry does, then moves on.
            LocalDate since = bars.date(bars.size() - 1 - (bars.size() % 40));
            int n = windows[random.nextInt(windows.length)];
            int days = windows[random.nextInt(windows.length)];
            check(mismatches, "highestClose(" + n + ")", bars, bars.highestClose(n), scanHighestClose(bars, n));
            check(mismatches, "highestCloseOfDaysBefore(" + days + ")", bars, bars.highestCloseOfDaysBefore(days),
                    scanHighestCloseOfDaysBefore(bars, days));
            check(mismatches, "highestCloseSince(" + since + ")", bars, bars.highestCloseSince(since),
                    scanHighestCloseSince(bars, since));
            checks[0]++;
        }).build().run();

        assertThat(checks[0]).isEqualTo(400);
        assertThat(mismatches).isEmpty();
    }

    private static void check(List<String> mismatches, String read, Bars bars, double actual, double expected) {
        if (Double.compare(actual, expected) != 0) {
            mismatches.add(read + " at " + bars.date(bars.size() - 1) + ": " + actual + ", the scan says " + expected);
        }
    }

    private static double scanHighestClose(Bars bars, int n) {
        if (n < 1 || bars.size() < n) {
            return Double.NaN;
        }
        double high = Double.NEGATIVE_INFINITY;
        for (int i = bars.size() - n; i < bars.size(); i++) {
            high = Math.max(high, bars.close(i));
        }
        return high;
    }

    private static double scanHighestCloseOfDaysBefore(Bars bars, int days) {
        LocalDate from = bars.date(bars.size() - 1).minusDays(days);
        double high = Double.NaN;
        for (int i = bars.size() - 2; i >= 0 && !bars.date(i).isBefore(from); i--) {
            high = Double.isNaN(high) ? bars.close(i) : Math.max(high, bars.close(i));
        }
        return high;
    }

    private static double scanHighestCloseSince(Bars bars, LocalDate date) {
        double high = Double.NaN;
        for (int i = bars.size() - 1; i >= 0 && bars.date(i).isAfter(date); i--) {
            high = Double.isNaN(high) ? bars.close(i) : Math.max(high, bars.close(i));
        }
        return high;
    }
}
