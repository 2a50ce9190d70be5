package dev.crashlab.indicator;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Test bars are a small table of OHLCV bars, written inline or generated from a seed, that can be
 * pushed into a crashlab indicator and built into the same bars as a ta4j series.
 */
final class TestBars {

    private static final Instant FIRST_BAR_END = Instant.parse("2020-01-02T00:00:00Z");
    private static final double VOLATILITY_PER_BAR = 0.02;

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    private TestBars(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** Returns bars with these closes, each with open, high and low equal to its close. */
    static TestBars closes(double... closes) {
        return new TestBars(closes.clone(), closes.clone(), closes.clone(), closes.clone(), new double[closes.length]);
    }

    /** Returns bars from groups of four values: open, high, low, close. */
    static TestBars ohlc(double... openHighLowClose) {
        int n = openHighLowClose.length / 4;
        TestBars bars = new TestBars(new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            bars.open[i] = openHighLowClose[4 * i];
            bars.high[i] = openHighLowClose[4 * i + 1];
            bars.low[i] = openHighLowClose[4 * i + 2];
            bars.close[i] = openHighLowClose[4 * i + 3];
        }
        return bars;
    }

    /**
     * Returns {@code count} bars of a geometric random walk from 10,000 with 2 % volatility per
     * bar, small gaps between a close and the next open, and highs and lows beyond both.
     */
    static TestBars randomWalk(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        TestBars bars = new TestBars(new double[count], new double[count], new double[count], new double[count],
                new double[count]);
        double previousClose = 10_000;
        for (int i = 0; i < count; i++) {
            double o = previousClose * Math.exp(0.2 * VOLATILITY_PER_BAR * random.nextGaussian());
            double c = o * Math.exp(VOLATILITY_PER_BAR * random.nextGaussian());
            bars.open[i] = o;
            bars.close[i] = c;
            bars.high[i] = Math.max(o, c) * Math.exp(0.5 * VOLATILITY_PER_BAR * Math.abs(random.nextGaussian()));
            bars.low[i] = Math.min(o, c) * Math.exp(-0.5 * VOLATILITY_PER_BAR * Math.abs(random.nextGaussian()));
            bars.volume[i] = 1_000 * random.nextDouble();
            previousClose = c;
        }
        return bars;
    }

    /** Returns the number of bars. */
    int size() {
        return close.length;
    }

    /** Returns a copy of the closes. */
    double[] closes() {
        return close.clone();
    }

    /** Pushes every bar into {@code indicator}, returning its value after each. */
    double[] feed(BarIndicator indicator) {
        double[] values = new double[size()];
        for (int i = 0; i < size(); i++) {
            indicator.update(open[i], high[i], low[i], close[i], volume[i]);
            values[i] = indicator.value();
        }
        return values;
    }

    /** Pushes every bar into {@code indicator}, allocating nothing. */
    void pushAll(BarIndicator indicator) {
        for (int i = 0; i < size(); i++) {
            indicator.update(open[i], high[i], low[i], close[i], volume[i]);
        }
    }

    /** Returns the same bars as a crashlab series of daily crypto bars. */
    OhlcvSeries toSeries() {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(Instrument.of("TEST", AssetClass.CRYPTO));
        for (int i = 0; i < size(); i++) {
            builder.add(FIRST_BAR_END.minus(Duration.ofDays(1)).plus(Duration.ofDays(i)), open[i], high[i], low[i],
                    close[i], volume[i]);
        }
        return builder.build();
    }

    /** Returns the same bars as a ta4j series of daily bars with {@code DoubleNum} prices. */
    BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance())
                .withName("test").build();
        for (int i = 0; i < size(); i++) {
            series.barBuilder().timePeriod(Duration.ofDays(1)).endTime(FIRST_BAR_END.plus(Duration.ofDays(i)))
                    .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i]).volume(volume[i])
                    .add();
        }
        return series;
    }
}
