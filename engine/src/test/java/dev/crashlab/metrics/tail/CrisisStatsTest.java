package dev.crashlab.metrics.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.testing.TestTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A crisis scorecard row worked by hand. Steps are the days 2024-01-01 .. 01-10 with closes 100,
 * 100, 120, 90, 72, 81, 99, 108, 126, 110 of a fully invested index; the window "Slide" is
 * 01-04 .. 01-06, the periods closing at steps 3, 4 and 5, from step 2's close (120).
 */
class CrisisStatsTest {

    /** Returns of prices a few units apart: only the last bits of a division may differ. */
    private static final double EXACT = 1e-15;

    private static final double[] CLOSES = {100, 100, 120, 90, 72, 81, 99, 108, 126, 110};
    private static final long[] TIMES = TestTimes.daily(CLOSES.length);
    private static final CrisisWindow SLIDE = window("Slide", 4, 6);

    private static CrisisWindow window(String name, int fromDay, int toDay) {
        return new CrisisWindow(name, LocalDate.of(2024, 1, fromDay), LocalDate.of(2024, 1, toDay), "");
    }

    private static double[] returns(double[] closes) {
        double[] r = new double[closes.length - 1];
        for (int t = 1; t < closes.length; t++) {
            r[t - 1] = closes[t] / closes[t - 1] - 1;
        }
        return r;
    }

    private static Event event(Event.Kind kind, int step) {
        return new Event(Instant.ofEpochMilli(TIMES[step]), kind, "BTC-USD", kind.label(), Double.NaN);
    }

    private static CrisisStats slide(double[] benchmark) {
        double[] financed = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] liquidated = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
        // Held back at steps 2 (the close before the window), 3 and 5 (in it) and 6 (after); a note at 4.
        List<Event> events = List.of(event(Event.Kind.HELD_BACK, 2), event(Event.Kind.HELD_BACK, 3),
                event(Event.Kind.NOTE, 4), event(Event.Kind.HELD_BACK, 5), event(Event.Kind.HELD_BACK, 6));
        return CrisisStats.of(SLIDE, new CrisisStats.Input(TIMES, returns(CLOSES), benchmark, financed, liquidated, events));
    }

    @Test
    void aWindowsReturnDrawdownRecoveryAndTailAreThoseOfItsDaysReturns() {
        // Index from step 2's close: 1, 90/120 = 0.75, 72/120 = 0.6, 81/120 = 0.675.
        // Return -0.325; max drawdown 0.6 - 1 = -0.4 (the window's only episode, not recovered in it).
        // After it: 99/120 = 0.825, 108/120 = 0.9, 126/120 = 1.05 >= 1 at step 8, 3 days after step 5.
        CrisisStats c = slide(null);

        assertThat(c.coverage()).isEqualTo(CrisisStats.Coverage.FULL);
        assertThat(c.periods()).hasToString("PeriodSubset[3, 4, 5]");
        assertThat(c.startStep()).isEqualTo(2);
        assertThat(c.endStep()).isEqualTo(5);
        assertThat(c.run().totalReturn()).isCloseTo(-0.325, within(EXACT));
        assertThat(c.run().maxDrawdown()).isCloseTo(-0.4, within(EXACT));
        assertThat(c.run().recoveryStep()).isEqualTo(8);
        assertThat(c.run().daysToRecover()).isEqualTo(3);
        // Returns -0.25, -0.2, 0.125; n = 3, so k = 1 at 95 % and 99 %: VaR = CVaR = -0.25; tail ratio
        // |0.125| / |-0.25| = 0.5; drawdowns -0.25, -0.4, -0.325: ulcer √((0.0625 + 0.16 + 0.105625) / 3),
        // pain 0.975 / 3 = 0.325; 3 days under water (01-03 .. 01-06); too few returns for kurtosis.
        TailMetrics tail = c.run().tail();
        assertThat(tail.count()).isEqualTo(3);
        assertThat(tail.valueAtRisk95()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.conditionalValueAtRisk95()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.valueAtRisk99()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.conditionalValueAtRisk99()).isCloseTo(-0.25, within(EXACT));
        assertThat(tail.tailRatio()).isCloseTo(0.5, within(EXACT));
        assertThat(tail.ulcerIndex()).isCloseTo(Math.sqrt((0.0625 + 0.16 + 0.105625) / 3), within(EXACT));
        assertThat(tail.painIndex()).isCloseTo(0.325, within(EXACT));
        assertThat(tail.longestUnderwaterDays()).isEqualTo(3);
        assertThat(tail.excessKurtosis()).isNaN();
        assertThat(tail.episodes()).singleElement().satisfies(e -> {
            assertThat(c.periods().step(e.peakStep())).isEqualTo(2);
            assertThat(c.periods().step(e.troughStep())).isEqualTo(4);
            assertThat(e.daysToTrough()).isEqualTo(2);
        });
    }

    @Test
    void carryLiquidationsAndHeldBackOrdersCountAtTheStepsClosingTheWindowsPeriods() {
        // Steps 3..5: carry 5 - 2 = 3, liquidations 1 - 0 = 1 (the one at step 7 is after it), held
        // back at steps 3 and 5 (not the one at step 2, whose close the window starts from).
        CrisisStats c = slide(null);

        assertThat(c.fundingPaid()).isEqualTo(3);
        assertThat(c.liquidations()).isEqualTo(1);
        assertThat(c.heldBack()).isEqualTo(2);
        assertThat(c.benchmark()).isNull();
    }

    @Test
    void theBenchmarkIsScoredOverTheSamePeriods() {
        // A benchmark that halves on the window's first day and never recovers.
        double[] closes = {100, 100, 100, 50, 50, 60, 60, 60, 60, 60};

        CrisisStats.Performance b = slide(returns(closes)).benchmark();

        assertThat(b.totalReturn()).isCloseTo(-0.4, within(EXACT));
        assertThat(b.maxDrawdown()).isCloseTo(-0.5, within(EXACT));
        assertThat(b.daysToRecover()).isNaN();
        assertThat(b.recoveryStep()).isEqualTo(-1);
        assertThat(b.tail().count()).isEqualTo(3);
    }

    @Test
    void aWindowThatEndsAboveItsStartNeedsNoRecovery() {
        CrisisStats c = CrisisStats.of(window("Rally", 8, 9),
                new CrisisStats.Input(TIMES, returns(CLOSES), null, null, null, List.of()));

        assertThat(c.run().totalReturn()).isCloseTo(126.0 / 99 - 1, within(EXACT));
        assertThat(c.run().daysToRecover()).isZero();
        assertThat(c.run().recoveryStep()).isEqualTo(8);
        assertThat(c.run().maxDrawdown()).isZero();
        assertThat(c.fundingPaid()).as("no carry recorded: none paid").isZero();
    }

    @ParameterizedTest
    @CsvSource({
            // from, to (January 2024 unless negative: December 2023), coverage, periods
            "4, 6, FULL, 3",
            "2, 10, FULL, 9",
            "-30, 2, PARTIAL, 1",   // starts before the run: only the period closing on 01-02
            "9, 15, PARTIAL, 2",    // the run ends in it
            "10, 12, PARTIAL, 1",
            "-30, 1, NONE, 0",      // the run's first step is its last day: no return of its days
            "11, 20, NONE, 0",
    })
    void coverageComparesTheWindowsDaysWithTheRunsSteps(int from, int to, CrisisStats.Coverage coverage, int periods) {
        LocalDate start = from < 0 ? LocalDate.of(2023, 12, 31 + from + 1) : LocalDate.of(2024, 1, from);
        CrisisStats c = CrisisStats.of(new CrisisWindow("W", start, LocalDate.of(2024, 1, to), ""),
                new CrisisStats.Input(TIMES, returns(CLOSES), null, null, null, List.of()));

        assertThat(c.coverage()).isEqualTo(coverage);
        assertThat(c.periods().size()).isEqualTo(periods);
        if (periods == 0) {
            assertThat(c.run().totalReturn()).isNaN();
            assertThat(c.fundingPaid()).isNaN();
            assertThat(c.startStep()).isEqualTo(-1);
        }
    }
}
