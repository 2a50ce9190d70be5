package dev.crashlab.metrics.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.metrics.RegimeStats;
import dev.crashlab.testing.TestTimes;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which periods a regime or a crisis window holds, its clock, and its tail figures, worked by hand. */
class PeriodSubsetTest {

    /** Hand computations use the same few operations; only summation order may differ. */
    private static final double EXACT = 1e-15;

    private static final long DAY = TestTimes.DAY;

    @Test
    void allHoldsEveryPeriodOnTheStepsOwnClock() {
        long[] times = TestTimes.daily(4);
        PeriodSubset all = PeriodSubset.all(4);

        assertThat(all.size()).isEqualTo(3);
        assertThat(IntStream.range(0, 3).map(all::period)).containsExactly(1, 2, 3);
        assertThat(all.clock(times)).containsExactly(times);
        assertThat(PeriodSubset.all(1).isEmpty()).isTrue();
    }

    @Test
    void aLabelHoldsThePeriodsAfterTheStepsItLabelsAsRegimeStatsCreditsThem() {
        // Labels of steps 0..4: 1, 0, 0, 1, 0. Period t goes to the label of step t - 1:
        // t = 1 → 1, t = 2 → 0, t = 3 → 0, t = 4 → 1; the last step's label credits none.
        int[] labels = {1, 0, 0, 1, 0};

        PeriodSubset one = PeriodSubset.ofLabel(labels, 1);
        PeriodSubset zero = PeriodSubset.ofLabel(labels, 0);

        assertThat(one).hasToString("PeriodSubset[1, 4]");
        assertThat(zero).hasToString("PeriodSubset[2, 3]");
        double[] returns = {-0.5, 0.1, 1.0, -0.2};
        List<RegimeStats> stats = RegimeStats.of(List.of("zero", "one"), labels, returns, new boolean[5]);
        assertThat(stats.get(0).steps()).isEqualTo(zero.size());
        assertThat(stats.get(1).steps()).isEqualTo(one.size());
        assertThat(stats.get(1).totalReturn()).isCloseTo(0.5 * 0.8 - 1, within(EXACT));
    }

    @Test
    void aRegimesClockCountsOnlyTheTimeOfItsOwnPeriodsAndItsEpisodesMapToTheRunsSteps() {
        // Steps on days 0, 1, 3, 4, 7 (gaps of 1, 2, 1, 3 days); label 1 holds periods 1 and 4, of
        // 1 and 3 days: its clock is day 0, 1, 4. Returns -0.5 and -0.2 compound to 0.5, 0.4: one
        // episode from step(0) = step 0 to its trough at index value 2, step(2) = 4, 4 days under
        // water on the regime's clock (the run's steps 0 and 4 are 7 days apart).
        long start = TestTimes.START;
        long[] times = {start, start + DAY, start + 3 * DAY, start + 4 * DAY, start + 7 * DAY};
        int[] labels = {1, 0, 0, 1, 0};
        double[] returns = {-0.5, 0.1, 1.0, -0.2};
        PeriodSubset one = PeriodSubset.ofLabel(labels, 1);

        TailMetrics tail = one.tail(returns, times);

        assertThat(one.clock(times)).containsExactly(start, start + DAY, start + 4 * DAY);
        assertThat(one.returns(returns)).containsExactly(-0.5, -0.2);
        assertThat(tail.count()).isEqualTo(2);
        assertThat(tail.episodes()).singleElement().satisfies(e -> {
            assertThat(one.step(e.peakStep())).isZero();
            assertThat(one.step(e.troughStep())).isEqualTo(4);
            assertThat(e.depth()).isCloseTo(-0.6, within(EXACT));
            assertThat(e.underwaterDays()).isEqualTo(4);
            assertThat(e.recovered()).isFalse();
        });
        assertThat(tail.longestUnderwaterDays()).isEqualTo(4);
        // Drawdowns after each period: -0.5, -0.6; ulcer √((0.25 + 0.36) / 2), pain (0.5 + 0.6) / 2.
        assertThat(tail.ulcerIndex()).isCloseTo(Math.sqrt((0.25 + 0.36) / 2), within(EXACT));
        assertThat(tail.painIndex()).isCloseTo(0.55, within(EXACT));
        assertThat(tail.valueAtRisk95()).isEqualTo(-0.5);
    }

    @Test
    void aWindowHoldsThePeriodsClosingOnItsDaysSoTheFirstDaysFallIsIn() {
        // Steps dated 2024-01-01 .. 01-05; the window 01-02 .. 01-03 holds the periods closing at
        // steps 1 and 2, from the close of step 0, the last before the window.
        long[] times = TestTimes.daily(5);

        PeriodSubset window = PeriodSubset.ofDates(times, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));

        assertThat(window).hasToString("PeriodSubset[1, 2]");
        assertThat(window.step(0)).isZero();
        assertThat(window.step(2)).isEqualTo(2);
        assertThat(window.clock(times)).containsExactly(times[0], times[1], times[2]);
        assertThat(PeriodSubset.ofDates(times, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)).isEmpty())
                .as("the first step closes no period").isTrue();
        assertThat(PeriodSubset.ofDates(times, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)).isEmpty()).isTrue();
    }

    @Test
    void aWindowOfIntradayStepsHoldsEveryStepOfItsDateAndNoneOfTheNext() {
        // Hourly steps from 2024-01-01 22:00 to 01-03 01:00: 01-02 holds the 24 steps 00:00 .. 23:00.
        long first = TestTimes.START + 22 * 3_600_000L;
        long[] times = new long[28];
        for (int s = 0; s < times.length; s++) {
            times[s] = first + s * 3_600_000L;
        }

        PeriodSubset day = PeriodSubset.ofDates(times, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(day.size()).isEqualTo(24);
        assertThat(day.period(0)).isEqualTo(2);
        assertThat(day.step(0)).as("the 23:00 step of the day before").isEqualTo(1);
        assertThat(day.period(23)).isEqualTo(25);
    }

    @Test
    void anEmptySubsetHasNoFigure() {
        TailMetrics tail = PeriodSubset.ofLabel(new int[] {0, 0}, 1).tail(new double[] {0.1}, TestTimes.daily(2));

        assertThat(tail.count()).isZero();
        assertThat(tail.longestUnderwaterDays()).isNaN();
        assertThat(tail.ulcerIndex()).isNaN();
        assertThat(tail.episodes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theLabelsSubsetsPartitionThePeriodsAndContiguousOnesTakeTheTailOfTheirSlice(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 50 + random.nextInt(50);
        int[] labels = new int[steps];
        double[] returns = new double[steps - 1];
        for (int s = 0; s < steps; s++) {
            labels[s] = random.nextInt(3);
        }
        for (int t = 0; t < returns.length; t++) {
            returns[t] = random.nextDouble(-0.1, 0.1);
        }
        long[] times = TestTimes.daily(steps);

        int total = 0;
        for (int label = 0; label < 3; label++) {
            PeriodSubset subset = PeriodSubset.ofLabel(labels, label);
            total += subset.size();
            for (int k = 0; k < subset.size(); k++) {
                assertThat(labels[subset.period(k) - 1]).isEqualTo(label);
            }
        }
        assertThat(total).isEqualTo(steps - 1);
        // A run of days is a slice of the steps: its tail is TailMetrics of that slice, times included.
        int from = 10;
        int to = 30;
        PeriodSubset slice = PeriodSubset.ofDates(times, LocalDate.of(2024, 1, 1).plusDays(from),
                LocalDate.of(2024, 1, 1).plusDays(to));
        TailMetrics expected = TailMetrics.of(java.util.Arrays.copyOfRange(returns, from - 1, to),
                java.util.Arrays.copyOfRange(times, from - 1, to + 1));
        assertThat(slice.tail(returns, times)).isEqualTo(expected);
    }
}
