package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.results.TrackedSeries.Lapse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackedSeriesTest {

    private static final double NAN = Double.NaN;

    private static TrackedSeries state(double... values) {
        return new TrackedSeries("gate open", TrackedSeries.STATE, Arrays.stream(values).boxed().toList());
    }

    private static TrackedSeries figure(double... values) {
        return new TrackedSeries("flows 7d", TrackedSeries.VALUE, Arrays.stream(values).boxed().toList());
    }

    @Test
    void aLapseIsEachRunOfStepsWhereTheStateDidNotHoldAndAnUnknownStepEndsOne() {
        TrackedSeries gate = state(0, 0, 1, 1, 0, NAN, 0, 0, 0, 1, NAN, 0);

        assertThat(gate.lapses()).containsExactly(new Lapse(0, 1), new Lapse(4, 4), new Lapse(6, 8), new Lapse(11, 11));
        assertThat(gate.lapses()).extracting(Lapse::steps).containsExactly(2, 1, 3, 1);
    }

    @Test
    void aLapseSpansTheCalendarDaysFromItsFirstStepsDateToItsLastsBothIncluded() {
        long friday = java.time.Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        long day = 86_400_000L;
        long[] weekdays = {friday - day, friday, friday + 3 * day, friday + 4 * day};
        long[] hours = {friday, friday + day / 24, friday + 23 * day / 24, friday + day};

        assertThat(new Lapse(1, 2).calendarDays(weekdays)).as("Friday to Monday").isEqualTo(4);
        assertThat(new Lapse(1, 1).calendarDays(weekdays)).isEqualTo(1);
        assertThat(new Lapse(0, 2).calendarDays(hours)).as("hours of one day").isEqualTo(1);
        assertThat(new Lapse(0, 3).calendarDays(hours)).isEqualTo(2);
    }

    @Test
    void theShareHeldIsOfTheRecordedStepsOnly() {
        TrackedSeries gate = state(NAN, NAN, 1, 0, 1, 1);

        assertThat(gate.recordedSteps()).isEqualTo(4);
        assertThat(gate.heldShare()).isEqualTo(0.75);
    }

    @Test
    void aStateThatNeverHoldsIsOneLapseAndOneThatAlwaysHoldsHasNone() {
        assertThat(state(0, 0, 0).lapses()).containsExactly(new Lapse(0, 2));
        assertThat(state(0, 0, 0).heldShare()).isZero();
        assertThat(state(1, 1, 1).lapses()).isEmpty();
        assertThat(state(1, 1, 1).heldShare()).isEqualTo(1.0);
    }

    @Test
    void aStateNeverRecordedHasNoShareAndNoLapse() {
        TrackedSeries never = state(NAN, NAN);

        assertThat(never.heldShare()).isNaN();
        assertThat(never.lapses()).isEmpty();
        assertThat(never.recordedSteps()).isZero();
    }

    @Test
    void aFigureHasItsLastSmallestAndLargestRecordedValueAndNoLapses() {
        TrackedSeries flows = figure(NAN, -312.5, 0, 40, NAN);

        assertThat(flows.lastRecorded()).isEqualTo(40);
        assertThat(flows.min()).isEqualTo(-312.5);
        assertThat(flows.max()).isEqualTo(40);
        assertThat(flows.lapses()).as("a figure's zeros are values, not lapses").isEmpty();
        assertThat(flows.heldShare()).isNaN();
    }

    @Test
    void aFigureNeverRecordedHasNoValues() {
        TrackedSeries empty = figure(NAN, NAN, NAN);

        assertThat(List.of(empty.lastRecorded(), empty.min(), empty.max())).allMatch(v -> v.isNaN());
    }
}
