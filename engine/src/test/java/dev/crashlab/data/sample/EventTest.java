package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Event CRASH = new Event("crash", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 10),
            Map.of("BTC-USD", -0.4), 3, LocalDate.of(2024, 3, 20));

    @Test
    void multipliesVolatilityInsideTheWindowAndDecaysAfterIt() {
        assertThat(CRASH.volatilityOn(LocalDate.of(2024, 2, 29))).isEqualTo(1);
        assertThat(CRASH.volatilityOn(LocalDate.of(2024, 3, 1))).isEqualTo(3);
        assertThat(CRASH.volatilityOn(LocalDate.of(2024, 3, 10))).isEqualTo(3);
        // 15 days after the window the excess of 2 has fallen by a factor e
        assertThat(CRASH.volatilityOn(LocalDate.of(2024, 3, 25))).isCloseTo(1 + 2 / Math.E, offset(1e-12));
    }

    @Test
    void forcesOutflowsFromTheStartOfTheWindowUntilItsLastOutflowDay() {
        assertThat(CRASH.forcesOutflow(LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(CRASH.forcesOutflow(LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(CRASH.forcesOutflow(LocalDate.of(2024, 3, 20))).isTrue();
        assertThat(CRASH.forcesOutflow(LocalDate.of(2024, 3, 21))).isFalse();
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new Event("x", LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), Map.of(), 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x: to 2024-03-01 is before from 2024-03-02");
    }

    @Test
    void rejectsALossOfEverything() {
        assertThatThrownBy(() -> new Event("x", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2),
                Map.of("SOL-USD", -1.0), 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x: return of SOL-USD must be > -1, got -1.0");
    }

    @Test
    void theSampleEventsAreInDateOrderAndDoNotOverlap() {
        for (int i = 1; i < Scenario.EVENTS.size(); i++) {
            assertThat(Scenario.EVENTS.get(i).from()).isAfter(Scenario.EVENTS.get(i - 1).to());
        }
    }
}
