package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedViewTest {

    /** A fast indicator with only the two abstract methods, for the default crossing rules. */
    private record Plain(FastIndicator of) implements FastIndicator {
        @Override
        public double value() {
            return of.value();
        }

        @Override
        public double value(int barsAgo) {
            return of.value(barsAgo);
        }
    }

    @Test
    void readsValuesOnlyUpToTheCurrentBar() {
        Sma close = new Sma(1);
        TestBars.closes(1, 2, 3, 4, 5).feed(close);
        int[] current = {2};
        FastIndicator view = close.boundedBy(new BarCursor(current, 0));

        assertThat(view.value()).isEqualTo(3);
        assertThat(view.value(1)).isEqualTo(2);
        assertThat(view.value(2)).isEqualTo(1);
        assertThat(view.value(3)).isNaN();

        current[0] = 4;
        assertThat(view.value()).isEqualTo(5);
    }

    @Test
    void hasNoValueBeforeTheFirstBar() {
        Sma close = new Sma(1);
        TestBars.closes(1, 2).feed(close);

        assertThat(close.boundedBy(new BarCursor(new int[] {-1}, 0)).value()).isNaN();
        assertThat(close.boundedBy(new BarCursor(new int[] {-1}, 0)).isReady()).isFalse();
    }

    @Test
    void refusesANegativeBarsAgoBecauseThatWouldBeAFutureBar() {
        Sma close = new Sma(1);
        TestBars.closes(1, 2, 3).feed(close);
        FastIndicator view = close.boundedBy(new BarCursor(new int[] {1}, 0));

        assertThatThrownBy(() -> view.value(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("barsAgo must be at least 0, got -1");
    }

    @Test
    void refusesACurrentBarThatHasNotBeenPushed() {
        Sma close = new Sma(1);
        TestBars.closes(1, 2, 3).feed(close);

        assertThatThrownBy(() -> close.boundedBy(new BarCursor(new int[] {3}, 0)).value()).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bar 3 has not been pushed: 3 bars have been");
    }

    @Test
    void crossesAsTheDefaultRulesSayOnTheSameCurrentBar() {
        TestBars bars = TestBars.randomWalk(5, 3_000);
        Sma fast = new Sma(5, bars.size());
        Sma slow = new Sma(20, bars.size());
        bars.pushAll(fast);
        bars.pushAll(slow);
        int[] current = {0};
        BarCursor bar = new BarCursor(current, 0);
        FastIndicator fastView = fast.boundedBy(bar);
        FastIndicator slowView = slow.boundedBy(bar);
        int crossings = 0;
        for (current[0] = -1; current[0] < bars.size(); current[0]++) {
            boolean above = new Plain(fastView).crossedAbove(new Plain(slowView));
            boolean below = new Plain(fastView).crossedBelow(new Plain(slowView));
            assertThat(fastView.crossedAbove(slowView)).as("above at bar %d", current[0]).isEqualTo(above);
            assertThat(fastView.crossedBelow(slowView)).as("below at bar %d", current[0]).isEqualTo(below);
            crossings += above || below ? 1 : 0;
        }
        assertThat(crossings).isGreaterThan(50);
    }

    @Test
    void aTieIsNotACrossing() {
        Sma a = new Sma(1);
        Sma b = new Sma(1);
        TestBars.closes(1, 2, 3).feed(a);
        TestBars.closes(2, 2, 2).feed(b);
        int[] current = {1};
        BarCursor cursor = new BarCursor(current, 0);
        FastIndicator av = a.boundedBy(cursor);
        FastIndicator bv = b.boundedBy(cursor);

        assertThat(av.crossedAbove(bv)).isFalse(); // 2 = 2 now: a tie does not cross
        current[0] = 2;
        assertThat(av.crossedAbove(bv)).isTrue(); // 3 > 2, and 2 <= 2 before
    }

    @Test
    void aTieNeitherCrossesNorResetsAsTheDefaultRulesSay() {
        // a against b: above, equal, above (no crossing); then below, equal, equal, above (one).
        Sma a = new Sma(1);
        Sma b = new Sma(1);
        TestBars.closes(3, 2, 3, 1, 2, 2, 3).feed(a);
        TestBars.closes(2, 2, 2, 2, 2, 2, 2).feed(b);
        int[] current = {0};
        BarCursor cursor = new BarCursor(current, 0);
        FastIndicator av = a.boundedBy(cursor);
        FastIndicator bv = b.boundedBy(cursor);
        List<String> crossings = new ArrayList<>();
        for (current[0] = 0; current[0] < 7; current[0]++) {
            assertThat(av.crossedAbove(bv)).as("bar %d", current[0]).isEqualTo(new Plain(av).crossedAbove(new Plain(bv)));
            assertThat(bv.crossedBelow(av)).as("bar %d", current[0]).isEqualTo(new Plain(bv).crossedBelow(new Plain(av)));
            if (av.crossedAbove(bv)) {
                crossings.add("above at " + current[0]);
            }
        }

        assertThat(crossings).containsExactly("above at 6");
    }
}
