package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BarIndicatorTest {

    // What measuring allocates, at most; one allocation per update would be megabytes.
    private static final long ALLOCATION_NOISE_BYTES = 64 * 1024;
    private static final int BARS = 100_000;

    @Test
    void valueReachesBackToTheFirstBar() {
        Sma close = new Sma(1);
        TestBars.closes(1, 2, 3, 4, 5).feed(close);

        assertThat(close.value()).isEqualTo(5);
        assertThat(close.value(0)).isEqualTo(5);
        assertThat(close.value(4)).isEqualTo(1);
        assertThat(close.value(5)).isNaN();
        assertThat(close.value(Integer.MAX_VALUE)).isNaN();
        assertThat(close.size()).isEqualTo(5);
    }

    @Test
    void hasNoValueBeforeTheFirstBar() {
        Sma sma = new Sma(3);

        assertThat(sma.value()).isNaN();
        assertThat(sma.value(1)).isNaN();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.size()).isZero();
    }

    @Test
    void keepsWarmUpValuesAsNaNInTheHistory() {
        Sma sma = new Sma(3);
        TestBars.closes(1, 2, 3, 4).feed(sma);

        assertThat(sma.value(0)).isEqualTo(3);
        assertThat(sma.value(1)).isEqualTo(2);
        assertThat(sma.value(2)).isNaN();
        assertThat(sma.value(3)).isNaN();
    }

    @Test
    void refusesANegativeBarsAgoBecauseThatWouldBeAFutureBar() {
        Sma sma = new Sma(1);
        TestBars.closes(1, 2).feed(sma);

        assertThatThrownBy(() -> sma.value(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("barsAgo must be at least 0, got -1");
    }

    @ParameterizedTest(name = "capacity hint {0}")
    @ValueSource(ints = {0, 1, 3, 1_000})
    void historyGrowsPastItsCapacityHint(int capacityHint) {
        double[] closes = new double[1_000];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = i + 1;
        }
        Sma close = new Sma(1, capacityHint);
        TestBars.closes(closes).feed(close);

        for (int barsAgo = 0; barsAgo < closes.length; barsAgo++) {
            assertThat(close.value(barsAgo)).isEqualTo(closes.length - barsAgo);
        }
    }

    @Test
    void aSubclassOnlyComputesTheValueOfTheBarBeingPushed() {
        BarIndicator range = new BarIndicator(0) {
            @Override
            protected double compute(double open, double high, double low, double close, double volume) {
                return high - low;
            }
        };

        TestBars.ohlc(10, 12, 9, 11, 11, 15, 10, 14).feed(range);

        assertThat(range.value()).isEqualTo(5);
        assertThat(range.value(1)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyBarIndicator")
    void anUpdateAllocatesNothingOnceTheHistoryIsPresized(IntFunction<BarIndicator> create) {
        TestBars bars = TestBars.randomWalk(11, BARS);
        // A first run loads and links every class the updates touch.
        bars.pushAll(create.apply(0));
        BarIndicator indicator = create.apply(BARS);

        long before = allocatedBytes();
        bars.pushAll(indicator);
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(ALLOCATION_NOISE_BYTES);
        assertThat(indicator.size()).isEqualTo(BARS);
    }

    static Stream<Named<IntFunction<BarIndicator>>> everyBarIndicator() {
        return Stream.of(
                Named.of("Sma", capacity -> new Sma(20, capacity)),
                Named.of("Ema", capacity -> new Ema(20, capacity)),
                Named.of("RollingMax", capacity -> new RollingMax(20, PriceField.HIGH, capacity)),
                Named.of("RollingMin", capacity -> new RollingMin(20, PriceField.LOW, capacity)),
                Named.of("DrawdownFromHigh", capacity -> new DrawdownFromHigh(0, capacity)),
                Named.of("Returns", capacity -> new Returns(20, capacity)),
                Named.of("RealizedVolatility", capacity -> new RealizedVolatility(20, 365, capacity)),
                Named.of("Rsi", capacity -> new Rsi(14, capacity)),
                Named.of("Atr", capacity -> new Atr(14, capacity)));
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static Stream<Named<IntFunction<BarIndicator>>> everyKind() {
        return Stream.of(
                Named.of("Sma", n -> new Sma(20, n)),
                Named.of("Ema", n -> new Ema(20, n)),
                Named.of("Rsi", n -> new Rsi(14, n)),
                Named.of("Atr", n -> new Atr(14, n)),
                Named.of("Returns", n -> new Returns(5, n)),
                Named.of("RealizedVolatility", n -> new RealizedVolatility(20, 365, n)),
                Named.of("DrawdownFromHigh", n -> new DrawdownFromHigh(50, n)),
                Named.of("RollingMax of highs", n -> new RollingMax(20, PriceField.HIGH, n)),
                Named.of("RollingMin of closes", n -> new RollingMin(20, PriceField.CLOSE, n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void updateAllGivesExactlyTheValuesOfOneUpdatePerBar(IntFunction<BarIndicator> kind) {
        TestBars bars = TestBars.randomWalk(11, 2_000);
        BarIndicator oneByOne = kind.apply(bars.size());
        BarIndicator inOneCall = kind.apply(bars.size());
        double[] expected = bars.feed(oneByOne);

        inOneCall.updateAll(bars.toSeries(), 0, 1_200);
        inOneCall.updateAll(bars.toSeries(), 1_200, bars.size());

        double[] values = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            values[i] = inOneCall.value(bars.size() - 1 - i);
        }
        assertThat(inOneCall.size()).isEqualTo(bars.size());
        assertThat(values).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void anIndicatorThatReadsTheCloseAloneIgnoresTheOtherFields(IntFunction<BarIndicator> kind) {
        TestBars bars = TestBars.randomWalk(12, 500);
        BarIndicator withAllFields = kind.apply(bars.size());
        BarIndicator withCloseOnly = kind.apply(bars.size());
        double[] expected = bars.feed(withAllFields);
        double[] closes = bars.closes();
        if (!withCloseOnly.readsCloseOnly()) {
            return;
        }
        double[] values = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            withCloseOnly.update(Double.NaN, Double.NaN, Double.NaN, closes[i], Double.NaN);
            values[i] = withCloseOnly.value();
        }
        assertThat(values).containsExactly(expected);
    }

    @Test
    void saysWhichIndicatorsReadTheCloseAlone() {
        assertThat(new Sma(3).readsCloseOnly()).isTrue();
        assertThat(new RollingMax(3, PriceField.CLOSE).readsCloseOnly()).isTrue();
        assertThat(new RollingMax(3, PriceField.HIGH).readsCloseOnly()).isFalse();
        assertThat(new Atr(3).readsCloseOnly()).isFalse();
    }

    @Test
    void updateAllRefusesARangeOutsideTheSeries() {
        TestBars bars = TestBars.closes(1, 2, 3);

        assertThatThrownBy(() -> new Sma(2).updateAll(bars.toSeries(), 1, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
