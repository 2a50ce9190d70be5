package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.results.TrackedSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalsSectionTest {

    private static final long DAY = 86_400_000L;

    private static long[] days(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * DAY;
        }
        return t;
    }

    @Test
    void aFlappingStateListsItsFirstPeriodsAndCountsThemAll() {
        List<Double> flapping = new ArrayList<>();
        for (int s = 0; s < 1_000; s++) {
            flapping.add(s % 2 == 0 ? 1.0 : 0.0);
        }

        SignalsSection section = new SignalsSection(List.of(new TrackedSeries("gate", TrackedSeries.STATE, flapping)),
                days(1_000), 1_500);

        SignalsSection.Signal gate = section.signals().getFirst();
        assertThat(gate.total()).isEqualTo(500);
        assertThat(gate.lapses()).hasSize(SignalsSection.MAX_LAPSE_ROWS);
        assertThat(gate.lapses().getFirst()).isEqualTo(new SignalsSection.LapseRow("1970-01-02", "1970-01-02", 1, "1"));
        assertThat(section.states().getFirst().lapses()).isEqualTo(500);
    }

    @Test
    void nothingTrackedIsAnEmptySectionWithoutChartsOrShading() {
        SignalsSection section = new SignalsSection(List.of(), days(3), 1_500);

        assertThat(section.isEmpty()).isTrue();
        assertThat(section.signals()).isEmpty();
        assertThat(section.shades()).isEmpty();
        assertThat(section.chartSpecs()).isEmpty();
    }
}
