package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.results.TrackedSeries.Lapse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class ChartsTest {

    private static final double NAN = Double.NaN;

    private static long[] times(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000L * i;
        }
        return t;
    }

    /** Returns the points as "t:v" texts, v "null" for a gap. */
    private static List<String> texts(ArrayNode points) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : points) {
            out.add(p.get(0).asLong() + ":" + (p.get(1).isNull() ? "null" : p.get(1).asString()));
        }
        return out;
    }

    @Test
    void aLineWithGapsBreaksAtTheFirstStepOfEachGapBetweenTwoRuns() {
        double[] v = {NAN, 1, 2, NAN, NAN, 5, 6, 7, NAN};

        assertThat(texts(Charts.pointsWithGaps(times(v.length), v, 100)))
                .containsExactly("1000:1", "2000:2", "3000:null", "5000:5", "6000:6", "7000:7");
    }

    @Test
    void aLongLineWithGapsIsDownSampledRunByRunAndKeepsEveryGapAndEveryRunsEnds() {
        int n = 10_000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i >= 3_000 && i < 3_010 || i >= 7_000 && i < 7_500 ? NAN : Math.sin(i / 40.0) + 0.0001 * i;
        }
        long[] t = times(n);

        ArrayNode points = Charts.pointsWithGaps(t, v, 500);

        List<Long> gaps = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (JsonNode p : points) {
            (p.get(1).isNull() ? gaps : kept).add(p.get(0).asLong());
        }
        assertThat(gaps).containsExactly(t[3_000], t[7_000]);
        assertThat(kept).contains(t[0], t[2_999], t[3_010], t[6_999], t[7_500], t[n - 1]);
        assertThat(kept).as("no point from inside a gap").noneMatch(x -> x >= t[3_000] && x < t[3_010]
                || x >= t[7_000] && x < t[7_500]);
        assertThat(points.size()).as("each run's share of the 500 points, and the two gaps").isBetween(490, 502);
        assertThat(kept).isSorted();
    }

    @Test
    void aStateIsDrawnFromItsChangesTheEndsOfItsRunsAndItsGaps() {
        double[] v = {NAN, 1, 1, 1, 0, 0, 1, NAN, 0, 0};

        assertThat(texts(Charts.steps(times(v.length), v)))
                .containsExactly("1000:1", "4000:0", "6000:1", "7000:null", "8000:0", "9000:0");
    }

    @Test
    void aStateThatNeverChangesIsTwoPoints() {
        double[] v = new double[1_000];
        java.util.Arrays.fill(v, 1);

        assertThat(texts(Charts.steps(times(v.length), v))).containsExactly("0:1", "999000:1");
    }

    @Test
    void aValueAloneBetweenGapsIsALonePoint() {
        assertThat(Charts.hasLonePoints(new double[] {NAN, 1, NAN, 2, 3})).isTrue();
        assertThat(Charts.hasLonePoints(new double[] {4, NAN, 2, 3})).isTrue();
        assertThat(Charts.hasLonePoints(new double[] {1, 2, NAN, NAN, 2, 3})).isFalse();
        assertThat(Charts.hasLonePoints(new double[] {NAN, NAN})).isFalse();
    }

    @Test
    void aLapseIsShadedFromItsFirstStepToTheStepAfterItsLastOrToTheLastStep() {
        long[] t = times(10);

        ArrayNode areas = Charts.lapses(List.of(new Lapse(2, 3), new Lapse(5, 5), new Lapse(8, 9)), t);

        assertThat(areas.toString()).isEqualTo("[[2000,4000],[5000,6000],[8000,9000]]");
    }
}
