package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FastIndicatorTest {

    @Test
    void crossesAboveWhenItRisesFromBelowToStrictlyAbove() {
        assertThat(closes(1, 3).crossedAbove(closes(2, 2))).isTrue();
        assertThat(closes(3, 1).crossedBelow(closes(2, 2))).isTrue();
    }

    @Test
    void aTieDoesNotCross() {
        assertThat(closes(1, 2).crossedAbove(closes(2, 2))).isFalse();
        assertThat(closes(3, 2).crossedBelow(closes(2, 2))).isFalse();
    }

    @Test
    void aTieNeitherCrossesNorResetsTheSideItWasOn() {
        // below, equal, above: a crossing (the last difference was below)
        assertThat(closes(1, 2, 3).crossedAbove(closes(2, 2, 2))).isTrue();
        assertThat(closes(3, 2, 1).crossedBelow(closes(2, 2, 2))).isTrue();
        // above, equal, above: none (it never was below)
        assertThat(closes(3, 2, 3).crossedAbove(closes(2, 2, 2))).isFalse();
        assertThat(closes(1, 2, 1).crossedBelow(closes(2, 2, 2))).isFalse();
        // equal from the start, then above: no side to cross from
        assertThat(closes(2, 3).crossedAbove(closes(2, 2))).isFalse();
    }

    @Test
    void stayingOnOneSideDoesNotCross() {
        assertThat(closes(3, 4).crossedAbove(closes(2, 2))).isFalse();
        assertThat(closes(1, 0.5).crossedBelow(closes(2, 2))).isFalse();
    }

    @Test
    void doesNotCrossOutOfTheWarmUp() {
        Sma warmingUp = new Sma(2);
        TestBars.closes(1, 9).feed(warmingUp); // NaN, then 5

        assertThat(warmingUp.crossedBelow(closes(6, 6))).isFalse();
        assertThat(warmingUp.crossedAbove(closes(4, 4))).isFalse();
    }

    /** Returns an indicator whose values are these closes. */
    private static FastIndicator closes(double... closes) {
        Sma close = new Sma(1);
        TestBars.closes(closes).feed(close);
        return close;
    }
}
