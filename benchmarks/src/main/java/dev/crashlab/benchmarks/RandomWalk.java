package dev.crashlab.benchmarks;

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
 * A random walk is a seeded series of one-minute OHLCV bars of a crypto-asset, held in primitive
 * arrays, from which every implementation under test is fed: the same doubles reach crashlab,
 * ta4j and the plain loop.
 *
 * <p>Bars are stamped every minute from 2020-01-01T00:00Z without gaps (a crypto-asset trades
 * 24/7, so its clock has no holes). Log prices follow a Gaussian walk: each open is the previous
 * close moved by a small gap ({@value #GAP_SIGMA}), each close the open moved by
 * {@value #STEP_SIGMA}; high and low lie a half-normal distance outside the body. The same seed
 * gives the same doubles on every JVM ({@link SplittableRandom} is specified to).
 *
 * @param times  bar start times, UTC epoch milliseconds
 * @param open   opens
 * @param high   highs
 * @param low    lows
 * @param close  closes
 * @param volume volumes
 */
public record RandomWalk(long[] times, double[] open, double[] high, double[] low, double[] close, double[] volume) {

    /** The number of bars the benchmarks generate. */
    public static final int BARS = 1_000_000;

    /** The seed the benchmarks generate them from. */
    public static final long SEED = 20_200_101L;

    /** The symbol the walk is traded under. */
    public static final String SYMBOL = "RW-USD";

    /** The time of the first bar. */
    public static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    /** The bar interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    static final double STEP_SIGMA = 0.001;
    static final double GAP_SIGMA = 0.0002;
    static final double WICK_SIGMA = 0.0005;

    /** Returns {@code bars} bars generated from {@code seed}, starting at 100. */
    public static RandomWalk generate(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[bars];
        double[] open = new double[bars];
        double[] high = new double[bars];
        double[] low = new double[bars];
        double[] close = new double[bars];
        double[] volume = new double[bars];
        long t0 = START.toEpochMilli();
        long step = INTERVAL.toMillis();
        double previous = 100;
        for (int i = 0; i < bars; i++) {
            double o = previous * Math.exp(GAP_SIGMA * random.nextGaussian());
            double c = o * Math.exp(STEP_SIGMA * random.nextGaussian());
            times[i] = t0 + i * step;
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) * Math.exp(WICK_SIGMA * Math.abs(random.nextGaussian()));
            low[i] = Math.min(o, c) * Math.exp(-WICK_SIGMA * Math.abs(random.nextGaussian()));
            volume[i] = 1 + 10 * random.nextDouble();
            previous = c;
        }
        return new RandomWalk(times, open, high, low, close, volume);
    }

    /** Returns the number of bars. */
    public int size() {
        return times.length;
    }

    /** Returns the instrument the walk is priced as: {@value #SYMBOL}, a crypto-asset on a 24/7 calendar. */
    public static Instrument instrument() {
        return Instrument.of(SYMBOL, AssetClass.CRYPTO);
    }

    /** Returns the bars as a crashlab series (checked against the bar rules as they are added). */
    public OhlcvSeries toSeries() {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(instrument());
        for (int i = 0; i < times.length; i++) {
            builder.add(Instant.ofEpochMilli(times[i]), open[i], high[i], low[i], close[i], volume[i]);
        }
        return builder.build();
    }

    /** Returns the bars as a ta4j series of {@code DoubleNum}s; each bar ends one interval after its start. */
    public BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).withName(SYMBOL)
                .build();
        for (int i = 0; i < times.length; i++) {
            series.barBuilder().timePeriod(INTERVAL).endTime(Instant.ofEpochMilli(times[i]).plus(INTERVAL))
                    .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i]).volume(volume[i]).add();
        }
        return series;
    }
}
