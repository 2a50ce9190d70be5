package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import java.time.Duration;
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
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Throughput of the {@link SmaCross} strategy on the {@value SharedFiles#BENCH_BARS} bars of
 * {@code ../shared/bench}, three ways: crashlab's engine (the full {@code Backtest.run()} with its
 * result and metrics), a hand-written loop over {@code double[]} with exact window sums, and
 * ta4j's {@code BarSeriesManager} on {@code DoubleNum}.
 *
 * <p>One operation is one bar ({@code @OperationsPerInvocation}), so scores are bars per second
 * and {@code gc.alloc.rate.norm} under {@code -prof gc} is bytes per bar. Inputs are built once
 * per trial and are not timed; what each run builds for itself is timed.
 *
 * <p>The setup runs each once and fails unless crashlab and the loop give the bench reference
 * exactly ({@value SmaCross#REFERENCE_FILLS} fills, final equity {@value SmaCross#REFERENCE_EQUITY}
 * to 1e-9). ta4j's plain window sums do not, so its answer is printed, not checked.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SharedFiles.BENCH_BARS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SmaCrossBenchmark {

    private MarketData data;
    private double[] open;
    private double[] close;
    private BarSeries ta4jSeries;

    /** Loads the bench data and checks the implementations against the reference. */
    @Setup
    public void setUp() {
        OhlcvSeries bars = SharedFiles.benchBars("SmaCrossBenchmark");
        data = MarketData.of(bars);
        open = new double[bars.size()];
        close = bars.closes();
        ta4jSeries = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).withName(SharedFiles.BENCH).build();
        for (int b = 0; b < bars.size(); b++) {
            open[b] = bars.open(b);
            ta4jSeries.barBuilder().timePeriod(Duration.ofDays(1)).endTime(bars.time(b).plus(Duration.ofDays(1)))
                    .openPrice(bars.open(b)).highPrice(bars.high(b)).lowPrice(bars.low(b)).closePrice(bars.close(b))
                    .volume(bars.volume(b)).add();
        }
        SmaCross.Outcome crashlab = outcome(crashlab());
        SmaCross.Outcome loop = loop();
        SmaCross.Outcome ta4j = Ta4jSmaCross.outcome(ta4j(), ta4jSeries);
        System.out.printf("%nSMA cross on %,d bench bars: reference %,d fills, %.15g; crashlab %s; loop %s; ta4j %s%n",
                bars.size(), SmaCross.REFERENCE_FILLS, SmaCross.REFERENCE_EQUITY, crashlab, loop, ta4j);
        if (!crashlab.isTheReference() || !loop.isTheReference()) {
            throw new IllegalStateException("not the bench reference: crashlab " + crashlab + ", loop " + loop);
        }
    }

    static SmaCross.Outcome outcome(BacktestResult result) {
        return new SmaCross.Outcome(result.fills().size(), result.equity(result.size() - 1));
    }

    /** crashlab: {@code Backtest.builder(data)...build().run()}, result and metrics included. */
    @Benchmark
    public BacktestResult crashlab() {
        return Backtest.builder(data).name("sma-cross").strategy(() -> new CrashlabSmaCross(SharedFiles.BENCH))
                .initialCash(SmaCross.INITIAL_CASH).build().run();
    }

    /** The hand-written loop over {@code double[]}. */
    @Benchmark
    public SmaCross.Outcome loop() {
        return LoopSmaCross.run(open, close);
    }

    /** ta4j: indicators, rules and strategy built on the series, run by {@code BarSeriesManager}. */
    @Benchmark
    public TradingRecord ta4j() {
        return Ta4jSmaCross.run(ta4jSeries);
    }
}
