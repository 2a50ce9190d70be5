package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** Crisis replay splices exactly the windows' day runs, at uniformly random places, reproducibly. */
class CrisisReplayTest {

    /** The false-alarm rate of the uniformity check if its seed were random; the seed is fixed. */
    private static final double ALPHA = 0.001;

    private static final CrisisWindow COVID = new CrisisWindow("covid-2020", 40, 49);
    private static final CrisisWindow FTX = new CrisisWindow("ftx-2022", 70, 73);

    @Test
    void splicesExactlyTheWindowsDayRunAndKeepsEveryOtherDayWhereItWas() {
        CrisisReplay replay = new CrisisReplay(100, List.of(COVID), 3);
        for (int k = 0; k < 200; k++) {
            CrisisReplay.Replay r = replay.path(k);
            int q = r.placements().getFirst().position();
            int[] days = r.path().days();

            assertThat(days).hasSize(100);
            for (int i = 0; i < 100; i++) {
                int expected = i >= q && i < q + 10 ? 40 + (i - q) : i;
                assertThat(days[i]).as("path %d position %d (window at %d)", k, i, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void severalWindowsLandInTheirGivenOrderWithoutOverlapping() {
        CrisisReplay replay = new CrisisReplay(100, List.of(COVID, FTX), 11);
        for (int k = 0; k < 200; k++) {
            List<CrisisReplay.Placement> placements = replay.path(k).placements();
            int[] days = replay.path(k).path().days();

            assertThat(placements).extracting(CrisisReplay.Placement::window).containsExactly(COVID, FTX);
            int first = placements.get(0).position();
            int second = placements.get(1).position();
            assertThat(second).isGreaterThanOrEqualTo(first + COVID.length());
            assertThat(java.util.Arrays.copyOfRange(days, first, first + 10)).containsExactly(40, 41, 42, 43, 44, 45, 46, 47,
                    48, 49);
            assertThat(java.util.Arrays.copyOfRange(days, second, second + 4)).containsExactly(70, 71, 72, 73);
        }
    }

    @Test
    void everyPlacementIsEquallyLikely() {
        // n = 6, windows of 2 and 1 days: F = 3 original days, C(5, 2) = 10 placements, each
        // expected 10,000 / 10 = 1,000 times in 10,000 paths; Pearson's chi-square with 9 degrees.
        CrisisReplay replay = new CrisisReplay(6, List.of(new CrisisWindow("a", 0, 1), new CrisisWindow("b", 5, 5)), 99);
        Map<List<Integer>, Long> counts = new HashMap<>();
        int paths = 10_000;
        for (int k = 0; k < paths; k++) {
            List<Integer> at = replay.path(k).placements().stream().map(CrisisReplay.Placement::position).toList();
            counts.merge(at, 1L, Long::sum);
        }

        assertThat(counts).hasSize(10);
        double[] expected = new double[10];
        java.util.Arrays.fill(expected, paths / 10.0);
        long[] observed = counts.values().stream().mapToLong(Long::longValue).toArray();
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(ALPHA);
    }

    @Test
    void blocksStartAtTheSeams() {
        // A window placed at 20 in 100 days: days 0..19, 40..49, 30..99: blocks at 0, 20 and 30.
        CrisisReplay replay = new CrisisReplay(100, List.of(COVID), 3);
        for (int k = 0; k < 100; k++) {
            CrisisReplay.Replay r = replay.path(k);
            int q = r.placements().getFirst().position();
            if (q == 40) {
                assertThat(r.path().blockStarts()).containsExactly(0); // landed on its own place
            } else if (q > 0 && q < 90) {
                assertThat(r.path().blockStarts()).containsExactly(0, q, q + 10);
            }
        }
    }

    @Test
    void pathKOfASeedIsReproducible() {
        List<CrisisWindow> windows = List.of(COVID, FTX);

        assertThat(new CrisisReplay(100, windows, 5).path(17)).isEqualTo(new CrisisReplay(100, windows, 5).path(17));
        assertThat(new CrisisReplay(100, windows, 5).path(17).path())
                .isNotEqualTo(new CrisisReplay(100, windows, 6).path(17).path());
    }

    @Test
    void rejectsWindowsThatDoNotFitNamingThem() {
        assertThatThrownBy(() -> new CrisisReplay(45, List.of(COVID), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crisis window 'covid-2020' ends on day 49 but the sample has 45 days");
        assertThatThrownBy(() -> new CrisisReplay(12, List.of(new CrisisWindow("a", 0, 7), new CrisisWindow("b", 4, 11)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the crisis windows span 16 days together, more than the 12 days of the sample");
        assertThatThrownBy(() -> new CrisisWindow("x", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crisis window 'x': expected 0 <= from <= to, got from 5 to 4");
        assertThatThrownBy(() -> new CrisisReplay(10, List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
