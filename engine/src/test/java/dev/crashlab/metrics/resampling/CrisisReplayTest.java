package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.strategy.CrisisWindow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** Crisis replay splices exactly the windows' day runs, at uniformly random places, reproducibly. */
class CrisisReplayTest {

    /** The false-alarm rate of the uniformity check if its seed were random; the seed is fixed. */
    private static final double ALPHA = 0.001;

    private static final LocalDate DAY_0 = LocalDate.of(2020, 1, 1);
    private static final CrisisWindow COVID = window("covid-2020", 40, 49);
    private static final CrisisWindow FTX = window("ftx-2022", 70, 73);

    /** Returns the dates of a sample of {@code n} consecutive days from 2020-01-01. */
    private static List<LocalDate> days(int n) {
        return IntStream.range(0, n).mapToObj(DAY_0::plusDays).toList();
    }

    /** Returns a window over sample days {@code from} to {@code to} of {@link #days}. */
    private static CrisisWindow window(String name, int from, int to) {
        return new CrisisWindow(name, DAY_0.plusDays(from), DAY_0.plusDays(to), "");
    }

    @Test
    void splicesExactlyTheWindowsDayRunAndKeepsEveryOtherDayWhereItWas() {
        CrisisReplay replay = new CrisisReplay(days(100), List.of(COVID), 3);
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
        CrisisReplay replay = new CrisisReplay(days(100), List.of(COVID, FTX), 11);
        for (int k = 0; k < 200; k++) {
            List<CrisisReplay.Placement> placements = replay.path(k).placements();
            int[] days = replay.path(k).path().days();

            assertThat(placements).extracting(CrisisReplay.Placement::window).containsExactly(COVID, FTX);
            int first = placements.get(0).position();
            int second = placements.get(1).position();
            assertThat(second).isGreaterThanOrEqualTo(first + 10);
            assertThat(java.util.Arrays.copyOfRange(days, first, first + 10)).containsExactly(40, 41, 42, 43, 44, 45, 46, 47,
                    48, 49);
            assertThat(java.util.Arrays.copyOfRange(days, second, second + 4)).containsExactly(70, 71, 72, 73);
        }
    }

    @Test
    void everyPlacementIsEquallyLikely() {
        // n = 6, windows of 2 and 1 days: F = 3 original days, C(5, 2) = 10 placements, each
        // expected 10,000 / 10 = 1,000 times in 10,000 paths; Pearson's chi-square with 9 degrees.
        CrisisReplay replay = new CrisisReplay(days(6), List.of(window("a", 0, 1), window("b", 5, 5)), 99);
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
        CrisisReplay replay = new CrisisReplay(days(100), List.of(COVID), 3);
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

        assertThat(new CrisisReplay(days(100), windows, 5).path(17)).isEqualTo(new CrisisReplay(days(100), windows, 5).path(17));
        assertThat(new CrisisReplay(days(100), windows, 5).path(17).path())
                .isNotEqualTo(new CrisisReplay(days(100), windows, 6).path(17).path());
    }

    @Test
    void aWindowCoversTheSampleDaysBetweenItsDates() {
        // Days dated every other day: a window from day 3's date to day 8's covers the days dated 4, 6 and 8.
        List<LocalDate> everyOther = IntStream.range(0, 20).mapToObj(i -> DAY_0.plusDays(2L * i)).toList();
        CrisisReplay replay = new CrisisReplay(everyOther, List.of(new CrisisWindow("w", DAY_0.plusDays(3),
                DAY_0.plusDays(8), "")), 4);

        CrisisReplay.Placement placement = replay.path(0).placements().getFirst();

        assertThat(placement.firstDay()).isEqualTo(2);
        assertThat(placement.length()).isEqualTo(3);
    }

    @Test
    void alignedWindowsLandOnlyOnTheirOwnPositionsModuloThePeriodAndAllSuchPlacesOccur() {
        CrisisReplay replay = new CrisisReplay(days(100), List.of(COVID, FTX), 21, 7);
        java.util.Set<Integer> firsts = new java.util.HashSet<>();
        for (int k = 0; k < 2_000; k++) {
            CrisisReplay.Replay r = replay.path(k);
            int[] days = r.path().days();
            for (CrisisReplay.Placement p : r.placements()) {
                assertThat(Math.floorMod(p.position() - p.firstDay(), 7)).isZero();
            }
            for (int i = 0; i < days.length; i++) {
                assertThat(Math.floorMod(days[i] - i, 7)).as("path %d position %d", k, i).isZero();
            }
            firsts.add(r.placements().getFirst().position());
        }

        // COVID (10 days) then FTX (4) in 100 days: COVID starts at 40 mod 7 = 5, 12, ..., at most 75, since FTX
        // (day 70, ≡ 0) must then start at 91 to fit.
        assertThat(firsts).containsExactlyInAnyOrder(5, 12, 19, 26, 33, 40, 47, 54, 61, 68, 75);
    }

    @Test
    void periodOneGivesThePlainReplay() {
        List<CrisisWindow> windows = List.of(COVID, FTX);

        assertThat(new CrisisReplay(days(100), windows, 8, 1).path(3))
                .isEqualTo(new CrisisReplay(days(100), windows, 8).path(3));
    }

    @Test
    void rejectsWindowsThatDoNotFitNamingThem() {
        assertThatThrownBy(() -> new CrisisReplay(days(45), List.of(COVID), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crisis window 'covid-2020' (2020-02-10 to 2020-02-19) reaches outside the sample of 2020-01-01"
                        + " to 2020-02-14");
        assertThatThrownBy(() -> new CrisisReplay(days(12), List.of(window("a", 0, 7), window("b", 4, 11)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the crisis windows span 16 days together, more than the 12 days of the sample");
        assertThatThrownBy(() -> new CrisisReplay(days(12), List.of(window("a", 6, 10), window("b", 0, 4)), 1, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the crisis windows span 10 days and need 9 more to start on their own positions modulo 7,"
                        + " more than the 12 days of the sample");
        List<LocalDate> everyOther = List.of(DAY_0, DAY_0.plusDays(2));
        assertThatThrownBy(() -> new CrisisReplay(everyOther, List.of(window("gap", 1, 1)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crisis window 'gap' (2020-01-02 to 2020-01-02) covers no day of the sample");
        assertThatThrownBy(() -> new CrisisReplay(days(10), List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
