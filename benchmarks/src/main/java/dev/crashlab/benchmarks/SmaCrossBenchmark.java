package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;

/**
 * Throughput of the {@link SmaCross} strategy on {@value #BARS} seeded random-walk bars, three
 * ways: crashlab's engine (fast indicators, the full {@code Backtest.run()} with its result and
 * metrics), ta4j's {@code BarSeriesManager} on {@code DoubleNum}, and a hand-written loop over
 * {@code double[]}.
 *
 * <p>One operation is one bar ({@code @OperationsPerInvocation}), so scores are bars per second
 * and {@code gc.alloc.rate.norm} under {@code -prof gc} is bytes per bar. Inputs are built once
 * per trial and are not timed: crashlab's {@code MarketData} and ta4j's {@code BarSeries} hold
 * the same doubles as the arrays the loop reads. What each run builds for itself is timed:
 * crashlab's clock, indicators and result; ta4j's indicators, rules and trading record.
 *
 * <p>The setup runs all three once and fails unless they agree on the number of trades and on
 * the final equity within {@link SmaCross#EQUITY_TOLERANCE} relative.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SmaCrossBenchmark.BARS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SmaCrossBenchmark {

    /** The number of bars per run. */
    public static final int BARS = 1_000_000;

    /** The seed of the random walk. */
    public static final long SEED = 20_200_101L;

    private RandomWalk walk;
    private MarketData data;
    private BarSeries ta4jSeries;

    /** Builds the inputs and checks that the three implementations agree. */
    @Setup
    public void setUp() {
        walk = RandomWalk.generate(BARS, SEED);
        data = MarketData.of(walk.toSeries());
        ta4jSeries = walk.toTa4j();
        int ties = LoopSmaCross.ties(walk.close());
        if (ties != 0) {
            throw new IllegalStateException(ties + " exact ties of SMA" + SmaCross.FAST + " and SMA" + SmaCross.SLOW
                    + ": ta4j's tie rule would differ from crashlab's; choose another seed");
        }
        SmaCross.Outcome loop = LoopSmaCross.run(walk.open(), walk.close());
        SmaCross.Outcome crashlab = outcome(crashlab());
        SmaCross.Outcome ta4j = Ta4jSmaCross.outcome(ta4j(), ta4jSeries);
        System.out.printf("%nSMA cross on %,d bars: loop %s, crashlab %s, ta4j %s%n", BARS, loop, crashlab, ta4j);
        if (!crashlab.agreesWith(loop) || !ta4j.agreesWith(loop)) {
            throw new IllegalStateException("the implementations disagree: loop " + loop + ", crashlab " + crashlab
                    + ", ta4j " + ta4j);
        }
    }

    static SmaCross.Outcome outcome(BacktestResult result) {
        return new SmaCross.Outcome(result.trades().size(), result.equity(result.size() - 1));
    }

    /** crashlab: {@code Backtest.builder(data)...build().run()}, result and metrics included. */
    @Benchmark
    public BacktestResult crashlab() {
        return Backtest.builder(data).name("sma-cross").strategy(CrashlabSmaCross::new)
                .initialCash(SmaCross.INITIAL_CASH).periodsPerYear(SmaCross.PERIODS_PER_YEAR).build().run();
    }

    /** ta4j: indicators, rules and strategy built on the series, run by {@code BarSeriesManager}. */
    @Benchmark
    public TradingRecord ta4j() {
        return Ta4jSmaCross.run(ta4jSeries);
    }

    /** The hand-written loop over {@code double[]}. */
    @Benchmark
    public SmaCross.Outcome loop() {
        return LoopSmaCross.run(walk.open(), walk.close());
    }
}
