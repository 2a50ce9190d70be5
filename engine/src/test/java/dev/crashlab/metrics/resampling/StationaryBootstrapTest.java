package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The stationary bootstrap's paths: geometric blocks, days in range, joint, reproducible. */
class StationaryBootstrapTest {

    /**
     * The false-alarm rate of each statistical check below if its seed were drawn at random: the
     * seeds are fixed, so each check passes or fails the same way on every run.
     */
    private static final double ALPHA = 0.001;

    @Test
    void blockLengthsAreGeometricWithMeanOneOverP() {
        // Each path's first block (position 0 up to the next block start) is one independent
        // Geometric(p) draw on 1, 2, …: each position after the first starts a block with
        // probability p, independently. Paths of 200 positions cut it short with probability
        // (1 - p)^199 < 1e-19, so 40,000 paths give 40,000 independent draws.
        double meanBlock = 5;
        double p = 1 / meanBlock;
        int paths = 40_000;
        StationaryBootstrap bootstrap = new StationaryBootstrap(1_000, meanBlock, 2_026);
        int bins = 25; // lengths 1..24, and 25 or more
        long[] observed = new long[bins];
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < paths; k++) {
            int[] starts = bootstrap.path(k, 200).blockStarts();
            int length = starts.length > 1 ? starts[1] : 200;
            observed[Math.min(length, bins) - 1]++;
            sum += length;
            squares += (double) length * length;
        }
        double mean = sum / paths;
        double variance = (squares - sum * sum / paths) / (paths - 1);

        // Mean: the geometric variance is (1 - p) / p² = 20, so the mean of 40,000 draws has a
        // standard error of √(20 / 40,000) = 0.0224; allow 4 of them (two-sided rate 6e-5).
        assertThat(mean).isCloseTo(1 / p, within(4 * Math.sqrt((1 - p) / (p * p) / paths)));
        // Variance: the sample variance has variance about (μ₄ − σ⁴) / n, with σ² = (1 − p) / p²
        // and the geometric's kurtosis μ₄ / σ⁴ = 9 + p² / (1 − p); allow 4 standard errors.
        double sigma2 = (1 - p) / (p * p);
        double mu4 = sigma2 * sigma2 * (9 + p * p / (1 - p));
        assertThat(variance).isCloseTo(sigma2, within(4 * Math.sqrt((mu4 - sigma2 * sigma2) / paths)));
        // Shape: Pearson's chi-square against P(L = l) = p (1 - p)^(l - 1), the last bin the tail
        // (1 - p)^24; every expected count is above 190.
        double[] expected = new double[bins];
        for (int l = 1; l < bins; l++) {
            expected[l - 1] = paths * p * Math.pow(1 - p, l - 1);
        }
        expected[bins - 1] = paths * Math.pow(1 - p, bins - 1);
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(ALPHA);
    }

    @Test
    void theShareOfPositionsStartingABlockIsP() {
        // Positions 1..L-1 of P paths start a block independently with probability p: a
        // Binomial(P (L - 1), p) count, standard deviation √(P (L - 1) p (1 - p)).
        double p = 1 / 12.5;
        int paths = 500;
        int length = 400;
        StationaryBootstrap bootstrap = new StationaryBootstrap(300, 12.5, 7);
        long jumps = 0;
        for (int k = 0; k < paths; k++) {
            jumps += bootstrap.path(k, length).blockStarts().length - 1;
        }
        double trials = (double) paths * (length - 1);

        assertThat((double) jumps).isCloseTo(trials * p, within(4 * Math.sqrt(trials * p * (1 - p))));
    }

    @Test
    void everyDayIsInTheSampleAndABlockWrapsFromTheLastDayToTheFirst() {
        for (int n : new int[] {1, 2, 7, 250}) {
            StationaryBootstrap bootstrap = new StationaryBootstrap(n, 20, n);
            for (int k = 0; k < 50; k++) {
                DayPath path = bootstrap.path(k, 3 * n + 5);
                int[] days = path.days();
                int[] starts = path.blockStarts();
                assertThat(java.util.Arrays.stream(days).allMatch(d -> d >= 0 && d < n)).isTrue();
                assertThat(starts[0]).isZero();
                int block = 0;
                for (int i = 1; i < days.length; i++) {
                    if (block + 1 < starts.length && starts[block + 1] == i) {
                        block++;
                    } else {
                        assertThat(days[i]).as("n %d path %d position %d", n, k, i).isEqualTo((days[i - 1] + 1) % n);
                    }
                }
            }
        }
    }

    @Test
    void onePathResamplesEverySeriesOnTheSameDays() {
        // Day d carries an instrument's return and a published value; resampled with one path,
        // position i carries both from the same day.
        int n = 60;
        double[] returns = new double[n];
        double[] published = new double[n];
        for (int d = 0; d < n; d++) {
            returns[d] = d / 1_000.0;
            published[d] = 10_000 + d;
        }
        DayPath path = new StationaryBootstrap(n, 4, 1).path(3, 90);

        double[] r = path.apply(returns);
        double[] v = path.apply(published);

        for (int i = 0; i < path.length(); i++) {
            assertThat(Math.round(r[i] * 1_000)).isEqualTo(Math.round(v[i] - 10_000)).isEqualTo(path.day(i));
        }
    }

    @Test
    void pathKOfASeedIsTheSameInAnyOrderOnAnyThread() throws Exception {
        StationaryBootstrap bootstrap = new StationaryBootstrap(500, 8, 42);
        List<DayPath> forward = IntStream.range(0, 64).mapToObj(bootstrap::path).toList();
        List<DayPath> backward = IntStream.range(0, 64).map(k -> 63 - k).mapToObj(bootstrap::path).toList().reversed();
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            List<DayPath> parallel = pool.submit(() -> IntStream.range(0, 64).parallel()
                    .mapToObj(k -> new StationaryBootstrap(500, 8, 42).path(k)).toList()).get();

            assertThat(backward).isEqualTo(forward);
            assertThat(parallel).isEqualTo(forward);
        } finally {
            pool.shutdown();
        }
        assertThat(bootstrap.path(5, 100).days()).isEqualTo(java.util.Arrays.copyOf(bootstrap.path(5, 300).days(), 100));
        assertThat(bootstrap.path(6)).isNotEqualTo(bootstrap.path(5));
        assertThat(new StationaryBootstrap(500, 8, 43).path(5)).isNotEqualTo(bootstrap.path(5));
    }

    @Test
    void aMeanBlockOfOneDayIsTheIidBootstrap() {
        DayPath path = new StationaryBootstrap(100, 1, 9).path(0);

        assertThat(path.blockStarts()).hasSize(100);
    }

    @Test
    void rejectsAnEmptySampleAndBlocksShorterThanADay() {
        assertThatThrownBy(() -> new StationaryBootstrap(0, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleLength: expected at least 1 day, got 0");
        assertThatThrownBy(() -> new StationaryBootstrap(10, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meanBlockLength: expected a finite number >= 1, got 0.5");
        assertThatThrownBy(() -> new StationaryBootstrap(10, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StationaryBootstrap(10, 2, 1).path(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alignedToAPeriodEveryPositionTakesADayCongruentToItAndEveryStartDayOccurs() {
        // 30 days, period 7: position i takes only days d with d ≡ i (mod 7), also across the wrap
        // from day 29 (≡ 1) to the day of the next position's class.
        StationaryBootstrap bootstrap = new StationaryBootstrap(30, 4, 77, 7);
        java.util.Set<Integer> mondays = new java.util.HashSet<>();
        for (int k = 0; k < 2_000; k++) {
            int[] days = bootstrap.path(k, 60).days();
            for (int i = 0; i < days.length; i++) {
                assertThat(days[i]).isBetween(0, 29);
                assertThat(Math.floorMod(days[i] - i, 7)).as("path %d position %d", k, i).isZero();
                if (i % 7 == 0) {
                    mondays.add(days[i]);
                }
            }
        }

        assertThat(mondays).containsExactlyInAnyOrder(0, 7, 14, 21, 28);
    }

    @Test
    void periodOneIsThePlainBootstrap() {
        assertThat(new StationaryBootstrap(300, 6, 5, 1).path(9)).isEqualTo(new StationaryBootstrap(300, 6, 5).path(9));
        assertThatThrownBy(() -> new StationaryBootstrap(5, 2, 1, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period: expected 1 to the sample's 5 days, got 6");
    }
}
