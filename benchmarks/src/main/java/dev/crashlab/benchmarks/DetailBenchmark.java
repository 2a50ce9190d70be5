package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Resampler;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ten years of one-minute bars in one run: {@value #BARS} bars of {@link RandomWalk} (3,653 days
 * of 1,440 minutes), generated in the setup, traded by a long held at twice its equity, reset
 * every week (with 1,000 contributed every week), so that it is at risk of liquidation on
 * nearly every bar and every bar's path is walked. Two ways ({@code -p mode=minute,detail}):
 * <ul>
 *   <li>{@code minute}: the strategy decides on the minute bars themselves;</li>
 *   <li>{@code detail}: it decides on the daily bars resampled from them, and fills and
 *       liquidations are resolved on the minute bars as detail bars (every day complete).</li>
 * </ul>
 * One operation is one minute bar, so scores are minute bars per second, and
 * {@code gc.alloc.rate.norm} under {@code -prof gc} is bytes allocated per minute bar by the full
 * {@code Backtest.run()} (the loop, the result and its metrics; the bars are built in the setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DetailBenchmark.BARS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class DetailBenchmark {

    /** Ten years of minutes: 3,653 days of 1,440. */
    static final int BARS = 3_653 * 1_440;

    /** How the run sees the minutes: {@code minute} (decides on them) or {@code detail} (decides daily). */
    @Param({"minute", "detail"})
    public String mode;

    private Backtest backtest;

    /** Generates the bars, builds the backtest and checks that the run did what it is meant to. */
    @Setup
    public void setUp() {
        OhlcvSeries minutes = RandomWalk.generate(BARS, RandomWalk.SEED).toSeries();
        MarketData data = mode.equals("minute") ? MarketData.of(minutes)
                : MarketData.of(Resampler.resample(minutes, Resampler.Period.DAY)).withDetail(minutes);
        // A liquidation leaves nothing (the fee takes what the margin left): weekly contributions
        // give the strategy the cash to buy again.
        backtest = Backtest.builder(data).name("leveraged-" + mode).strategy(ReenteringLong::new).initialCash(10_000)
                .contributions(Contributions.every(Schedule.WEEKLY, 1_000)).margin(Margin.forLeverage(2)).build();
        BacktestResult r = crashlab();
        long liquidations = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).count();
        System.out.printf("%n%s: %,d steps, %,d fills (%,d liquidations), bars on detail %,d, by the rule %,d, final equity %.2f%n",
                mode, r.size(), r.fills().size(), liquidations, r.detailBars(), r.ruleBars(), r.metrics().finalEquity());
        long walked = mode.equals("minute") ? r.ruleBars() : r.detailBars() * 1_440L;
        if (walked < BARS / 2 || (mode.equals("detail") && r.ruleBars() != 0)) {
            throw new IllegalStateException(mode + ": expected most minutes walked on paths, got " + walked);
        }
    }

    /** The full run: loop, result and metrics. */
    @Benchmark
    public BacktestResult crashlab() {
        return backtest.run();
    }

    /**
     * Holds a twice-leveraged long of the walk: at the first bar of every week (UTC, from the
     * epoch) it sets the position to twice its equity, so the contributions never pay the loan
     * down and a liquidated account buys again with the next week's cash.
     */
    static final class ReenteringLong implements Strategy {
        private static final long WEEK = 7 * 86_400_000L;
        private long week = Long.MIN_VALUE;

        @Override
        public void onBar(StrategyContext ctx) {
            long now = Math.floorDiv(ctx.timeMillis(), WEEK);
            if (now != week && ctx.portfolio().equity() > 0) {
                week = now;
                ctx.targetWeight(RandomWalk.SYMBOL, 2);
            }
        }
    }
}
